/**
 * Offline validation of an add-in-only (XML) task pane manifest, for the test suite.
 *
 * `office-addin-manifest validate` posts the manifest to Microsoft's validation service and needs
 * the internet, and no XSD validator (nor the XSDs) is installed, so this encodes the part of the
 * schemas the manifest uses — OfficeAppManifestV1_1 (TaskPaneApp), TaskPaneAppVersionOverridesV1_0
 * and OfficeAppBasicTypesV1_0, as published in [MS-OWEMXML] and the manifest reference — as content
 * models: element order (xs:sequence), occurrence, namespaces, xsi:type, required attributes and
 * the simple types (UUID, version, culture name, ShortString ≤ 125, LongString ≤ 250, resource id
 * ≤ 32, URL ≤ 2048, permissions, icon sizes, runtime lifetimes). Elements outside that subset are reported as not
 * allowed, which is stricter than the schema. On top: every resid resolves to a resource of the
 * right kind, resource ids are unique and all used, and every URL is https.
 */
import { type XmlElement, XMLNS_XSI, pathOf, walk, xsiType } from "./xml";

export const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
} as const;
type NsKey = keyof typeof NS;

export type ResourceKind = "Images" | "Urls" | "ShortStrings" | "LongStrings";

// ---- simple types -------------------------------------------------------------------------------

const chars = (s: string): number => [...s].length;
const between = (min: number, max: number, what: string) => (v: string) =>
  chars(v) < min || chars(v) > max ? `${what} must be ${min}–${max} characters, is ${chars(v)}` : null;

export const SIMPLE: Record<string, (v: string) => string | null> = {
  UUID: (v) => (/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(v) ? null : `not a GUID: ${v}`),
  Version: (v) => (/^(0|[1-9]\d{0,4})(\.(0|[1-9]\d{0,4})){3}$/.test(v) ? null : `not a version n.n.n.n: ${v}`),
  CultureName: (v) => (/^[a-z]{2,3}(-[A-Za-z]{4})?(-([A-Z]{2}|\d{3}))?$/.test(v) ? null : `not a culture name (ll-CC): ${v}`),
  ShortString: between(1, 125, "a ShortString"),
  LongString: between(1, 250, "a LongString"),
  ResId: between(1, 32, "a resource id"),
  URL: (v) => {
    if (chars(v) > 2048) return `a URL must be at most 2048 characters`;
    let url: URL;
    try {
      url = new URL(v);
    } catch {
      return `not an absolute URL: ${v}`;
    }
    return url.protocol === "https:" ? null : `not https: ${v}`;
  },
  Permissions: (v) => (["Restricted", "ReadDocument", "ReadAllDocument", "WriteDocument", "ReadWriteDocument"].includes(v) ? null : `not a permission level: ${v}`),
  HostName: (v) => (["Document", "Mailbox", "Notebook", "Presentation", "Project", "Workbook", "Database"].includes(v) ? null : `not a host name: ${v}`),
  MinVersion: (v) => (/^\d+\.\d+$/.test(v) ? null : `not a requirement-set version (n.n): ${v}`),
  Lifetime: (v) => (["short", "long"].includes(v) ? null : `not a runtime lifetime (short, long): ${v}`),
  IconSize: (v) => (["16", "20", "24", "32", "40", "48", "64", "80"].includes(v) ? null : `not an icon size: ${v}`),
};

// ---- complex types ------------------------------------------------------------------------------

interface Particle {
  local: string;
  ns: NsKey;
  type: string;
  min: number;
  max: number;
}
interface ComplexType {
  /** Allowed attributes (qualified as written for xsi:type, which is handled separately). */
  attrs?: Record<string, { type: string; required: boolean }>;
  /** The children, as an xs:sequence. */
  seq?: Particle[];
  /** Text content of this simple type (for elements with attributes and text). */
  text?: string;
  /** Polymorphic elements: xsi:type value → concrete type. */
  byXsiType?: Record<string, string>;
  /** This element references a resource of this kind through its resid attribute. */
  ref?: ResourceKind;
  /** This element defines a resource of this kind (its id attribute). */
  defines?: ResourceKind;
}

const one = (local: string, type: string, ns: NsKey): Particle => ({ local, type, ns, min: 1, max: 1 });
const opt = (local: string, type: string, ns: NsKey): Particle => ({ local, type, ns, min: 0, max: 1 });
const many = (local: string, type: string, ns: NsKey, min = 1): Particle => ({ local, type, ns, min, max: Infinity });
const req = (type: string) => ({ type, required: true });
const optional = (type: string) => ({ type, required: false });

const localeAware = (valueType: string, overrideType: string, ns: NsKey): ComplexType => ({
  attrs: { DefaultValue: req(valueType) },
  seq: [many("Override", overrideType, ns, 0)],
});
const override = (valueType: string): ComplexType => ({ attrs: { Locale: req("CultureName"), Value: req(valueType) } });
const resource = (kind: ResourceKind, valueType: string, overrideType: string): ComplexType => ({
  defines: kind,
  attrs: { id: req("ResId"), DefaultValue: req(valueType) },
  seq: [many("Override", overrideType, "bt", 0)],
});
const reference = (kind: ResourceKind): ComplexType => ({ ref: kind, attrs: { resid: req("ResId") } });

export const TYPES: Record<string, ComplexType> = {
  OfficeApp: { byXsiType: { TaskPaneApp: "TaskPaneApp" } },
  TaskPaneApp: {
    seq: [
      one("Id", "UUID", "app"),
      opt("AlternateId", "ShortString", "app"),
      one("Version", "Version", "app"),
      one("ProviderName", "ShortString", "app"),
      one("DefaultLocale", "CultureName", "app"),
      one("DisplayName", "ShortLocaleAwareSetting", "app"),
      one("Description", "LongLocaleAwareSetting", "app"),
      opt("IconUrl", "URLLocaleAwareSetting", "app"),
      opt("HighResolutionIconUrl", "URLLocaleAwareSetting", "app"),
      opt("SupportUrl", "URLLocaleAwareSetting", "app"),
      opt("AppDomains", "AppDomains", "app"),
      opt("Hosts", "Hosts", "app"),
      opt("Requirements", "Requirements", "app"),
      one("DefaultSettings", "TaskPaneAppSettings", "app"),
      one("Permissions", "Permissions", "app"),
      opt("VersionOverrides", "VersionOverrides", "ov"),
    ],
  },
  ShortLocaleAwareSetting: localeAware("ShortString", "ShortOverride", "app"),
  LongLocaleAwareSetting: localeAware("LongString", "LongOverride", "app"),
  URLLocaleAwareSetting: localeAware("URL", "URLOverride", "app"),
  ShortOverride: override("ShortString"),
  LongOverride: override("LongString"),
  URLOverride: override("URL"),
  AppDomains: { seq: [many("AppDomain", "URL", "app", 0)] },
  Hosts: { seq: [many("Host", "Host", "app")] },
  Host: { attrs: { Name: req("HostName") } },
  Requirements: { seq: [opt("Sets", "Sets", "app")] },
  Sets: { attrs: { DefaultMinVersion: optional("MinVersion") }, seq: [many("Set", "Set", "app")] },
  Set: { attrs: { Name: req("ShortString"), MinVersion: optional("MinVersion") } },
  TaskPaneAppSettings: { seq: [one("SourceLocation", "URLLocaleAwareSetting", "app")] },

  // TaskPaneAppVersionOverridesV1_0
  VersionOverrides: { byXsiType: { VersionOverridesV1_0: "VersionOverridesV1_0" } },
  VersionOverridesV1_0: {
    seq: [opt("Description", "LongResourceReference", "ov"), one("Hosts", "VOHosts", "ov"), opt("Resources", "Resources", "ov")],
  },
  VOHosts: { seq: [many("Host", "VOHost", "ov")] },
  VOHost: { byXsiType: { Workbook: "VOHostApp", Document: "VOHostApp", Presentation: "VOHostApp" } },
  // Runtimes comes first in the host (SharedRuntime 1.1: one runtime for the pane and the commands).
  VOHostApp: { seq: [opt("Runtimes", "Runtimes", "ov"), opt("DesktopFormFactor", "DesktopFormFactor", "ov")] },
  Runtimes: { seq: [many("Runtime", "Runtime", "ov")] },
  Runtime: { ref: "Urls", attrs: { resid: req("ResId"), lifetime: optional("Lifetime") } },
  DesktopFormFactor: {
    seq: [opt("GetStarted", "GetStarted", "ov"), one("FunctionFile", "URLResourceReference", "ov"), many("ExtensionPoint", "ExtensionPoint", "ov")],
  },
  GetStarted: {
    seq: [one("Title", "ShortResourceReference", "ov"), one("Description", "LongResourceReference", "ov"), one("LearnMoreUrl", "URLResourceReference", "ov")],
  },
  ExtensionPoint: { byXsiType: { PrimaryCommandSurface: "PrimaryCommandSurface" } },
  PrimaryCommandSurface: { seq: [many("OfficeTab", "OfficeTab", "ov")] },
  OfficeTab: { attrs: { id: req("ShortString") }, seq: [many("Group", "Group", "ov")] },
  Group: { attrs: { id: req("ShortString") }, seq: [one("Label", "ShortResourceReference", "ov"), one("Icon", "Icon", "ov"), many("Control", "Control", "ov")] },
  Icon: { seq: [many("Image", "IconImage", "bt")] },
  IconImage: { ref: "Images", attrs: { size: req("IconSize"), resid: req("ResId") } },
  Control: { byXsiType: { Button: "Button" } },
  Button: {
    attrs: { id: req("ShortString") },
    seq: [one("Label", "ShortResourceReference", "ov"), one("Supertip", "Supertip", "ov"), one("Icon", "Icon", "ov"), one("Action", "Action", "ov")],
  },
  Supertip: { seq: [one("Title", "ShortResourceReference", "ov"), one("Description", "LongResourceReference", "ov")] },
  Action: { byXsiType: { ShowTaskpane: "ShowTaskpane", ExecuteFunction: "ExecuteFunction" } },
  ShowTaskpane: { seq: [opt("TaskpaneId", "ShortString", "ov"), one("SourceLocation", "URLResourceReference", "ov"), opt("Title", "ShortResourceReference", "ov")] },
  ExecuteFunction: { seq: [one("FunctionName", "LongString", "ov")] },
  ShortResourceReference: reference("ShortStrings"),
  LongResourceReference: reference("LongStrings"),
  URLResourceReference: reference("Urls"),
  Resources: {
    seq: [opt("Images", "Images", "bt"), opt("Urls", "Urls", "bt"), opt("ShortStrings", "ShortStrings", "bt"), opt("LongStrings", "LongStrings", "bt")],
  },
  Images: { seq: [many("Image", "ImageResource", "bt")] },
  Urls: { seq: [many("Url", "UrlResource", "bt")] },
  ShortStrings: { seq: [many("String", "ShortStringResource", "bt")] },
  LongStrings: { seq: [many("String", "LongStringResource", "bt")] },
  ImageResource: resource("Images", "URL", "URLOverride"),
  UrlResource: resource("Urls", "URL", "URLOverride"),
  ShortStringResource: resource("ShortStrings", "ShortString", "ShortOverride"),
  LongStringResource: resource("LongStrings", "LongString", "LongOverride"),
};

// ---- the walk -----------------------------------------------------------------------------------

export interface ResourceRef {
  kind: ResourceKind;
  id: string;
  el: XmlElement;
}
export interface ManifestReport {
  /** Schema problems, each with the element's path. Empty when the manifest is valid. */
  problems: string[];
  /** Resources defined, by kind then id. */
  resources: Record<ResourceKind, Map<string, XmlElement>>;
  /** Every resid reference, with the kind its context expects. */
  refs: ResourceRef[];
}

function checkElement(el: XmlElement, typeName: string, report: ManifestReport): void {
  const where = `${pathOf(el)} (line ${el.line})`;
  const problem = (msg: string): void => {
    report.problems.push(`${where}: ${msg}`);
  };

  if (SIMPLE[typeName]) {
    const own = Object.keys(el.attrs).filter((k) => !k.startsWith("xmlns"));
    if (own.length) problem(`unexpected attribute(s) ${own.join(", ")}`);
    if (el.children.length) problem(`unexpected child element <${el.children[0].name}>`);
    const err = SIMPLE[typeName](el.text.trim());
    if (err) problem(err);
    return;
  }

  let type = TYPES[typeName];
  if (!type) throw new Error(`manifest-check: no type ${typeName}`);
  const xsi = xsiType(el);
  if (type.byXsiType) {
    if (xsi === undefined) return problem(`xsi:type is required (one of ${Object.keys(type.byXsiType).join(", ")})`);
    const concrete = type.byXsiType[xsi];
    if (!concrete) return problem(`xsi:type="${xsi}" is not one of ${Object.keys(type.byXsiType).join(", ")}`);
    type = TYPES[concrete];
  } else if (xsi !== undefined) problem(`unexpected xsi:type="${xsi}"`);

  // Attributes: required ones present and well-typed, nothing else (namespace declarations aside).
  const allowed = type.attrs ?? {};
  for (const [name, spec] of Object.entries(allowed)) {
    const v = el.attrs[name];
    if (v === undefined) {
      if (spec.required) problem(`missing attribute ${name}`);
      continue;
    }
    const err = SIMPLE[spec.type](v);
    if (err) problem(`${name}: ${err}`);
  }
  for (const name of Object.keys(el.attrs)) {
    if (name === "xmlns" || name.startsWith("xmlns:") || name in allowed) continue;
    const i = name.indexOf(":");
    if (i > 0 && name.slice(i + 1) === "type" && el.scope[name.slice(0, i)] === XMLNS_XSI) continue;
    problem(`unexpected attribute ${name}`);
  }
  if (type.text) {
    const err = SIMPLE[type.text](el.text.trim());
    if (err) problem(err);
  } else if (el.text.trim()) problem(`unexpected text "${el.text.trim().slice(0, 40)}"`);

  if (type.ref && el.attrs.resid !== undefined) report.refs.push({ kind: type.ref, id: el.attrs.resid, el });
  if (type.defines && el.attrs.id !== undefined) {
    const seen = Object.values(report.resources).some((m) => m.has(el.attrs.id));
    if (seen) problem(`resource id ${el.attrs.id} is defined more than once (ids are unique across the manifest)`);
    else report.resources[type.defines].set(el.attrs.id, el);
  }

  // Children: an xs:sequence of particles.
  const seq = type.seq ?? [];
  let i = 0;
  for (const p of seq) {
    let n = 0;
    while (i < el.children.length && n < p.max && el.children[i].local === p.local && el.children[i].ns === NS[p.ns]) {
      checkElement(el.children[i], p.type, report);
      i++;
      n++;
    }
    if (n < p.min) {
      const here = el.children[i];
      problem(`missing <${p.local}> (${NS[p.ns]})${here ? ` before <${here.name}>` : ""}`);
    }
  }
  for (; i < el.children.length; i++) {
    const c = el.children[i];
    const known = seq.find((p) => p.local === c.local);
    const why = !known ? "is not allowed here" : c.ns !== NS[known.ns] ? `is in the wrong namespace (${c.ns || "none"}, expected ${NS[known.ns]})` : "is out of order or repeated";
    problem(`<${c.name}> (line ${c.line}) ${why}; expected order: ${seq.map((p) => p.local).join(", ")}`);
  }
}

/** Checks the manifest against the schema subset and collects its resources and references. */
export function checkSchema(root: XmlElement): ManifestReport {
  const report: ManifestReport = {
    problems: [],
    resources: { Images: new Map(), Urls: new Map(), ShortStrings: new Map(), LongStrings: new Map() },
    refs: [],
  };
  if (root.local !== "OfficeApp" || root.ns !== NS.app) report.problems.push(`the root must be <OfficeApp> in ${NS.app}, is <${root.name}> in ${root.ns || "no namespace"}`);
  else checkElement(root, "OfficeApp", report);
  return report;
}

/** Every resid resolves to a resource of the kind its context expects; every resource is used. */
export function checkResources(report: ManifestReport): string[] {
  const problems: string[] = [];
  const used = new Set<string>();
  for (const ref of report.refs) {
    used.add(ref.id);
    if (report.resources[ref.kind].has(ref.id)) continue;
    const elsewhere = (Object.keys(report.resources) as ResourceKind[]).find((k) => report.resources[k].has(ref.id));
    problems.push(
      `${pathOf(ref.el)} (line ${ref.el.line}): resid "${ref.id}" ${elsewhere ? `is in ${elsewhere}, expected ${ref.kind}` : `does not resolve to any ${ref.kind} resource`}`,
    );
  }
  for (const [kind, map] of Object.entries(report.resources)) {
    for (const [id, el] of map) if (!used.has(id)) problems.push(`${pathOf(el)} (line ${el.line}): ${kind} resource "${id}" is never used`);
  }
  return problems;
}

/** Every URL anywhere in the manifest (attribute values and text, namespace declarations aside) is https. */
export function checkHttps(root: XmlElement): string[] {
  const problems: string[] = [];
  const looksLikeUrl = /^[a-z][a-z0-9+.-]*:\/\//i;
  for (const el of walk(root)) {
    const values: [string, string][] = Object.entries(el.attrs)
      .filter(([k]) => k !== "xmlns" && !k.startsWith("xmlns:"))
      .map(([k, v]) => [`@${k}`, v]);
    if (el.text.trim()) values.push(["text()", el.text.trim()]);
    for (const [where, v] of values) {
      if (/:\/\//.test(v) && !looksLikeUrl.test(v)) problems.push(`${pathOf(el)} ${where}: embedded URL in "${v}"`);
      else if (looksLikeUrl.test(v) && !/^https:\/\//.test(v)) problems.push(`${pathOf(el)} ${where}: not https: ${v}`);
    }
  }
  return problems;
}

/** All the problems checkSchema, checkResources and checkHttps find. */
export function validateManifest(root: XmlElement): string[] {
  const report = checkSchema(root);
  return [...report.problems, ...checkResources(report), ...checkHttps(root)];
}
