/**
 * The add-in manifest, validated offline (`npm run validate` asks Microsoft's service and needs the
 * internet): the schema subset in test/support/manifest-check.ts, resids, https, the icons, the
 * ribbon buttons and strings; office-addin-manifest's own reader; manifestForHost.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { checkSchema, NS, validateManifest, type ResourceKind } from "../support/manifest-check";
import { decodeRgba, readPng } from "../support/png";
import { kid, kids, parseXml, pathOf, walk, xsiType, type XmlElement } from "../support/xml";
import { manifestForHost, DEV_ORIGIN } from "../../scripts/manifest-host";
import { ICON_SIZES, renderIcon } from "../../scripts/make-icons";
import { CHECK_ACTION } from "../../src/addin/commands/commands";

const root = join(__dirname, "..", "..");
const manifestPath = join(root, "manifest.xml");
const source = readFileSync(manifestPath, "utf8");
const doc = parseXml(source);
const report = checkSchema(doc);
const vo = kid(doc, "VersionOverrides");

/** The manifest with one textual change, parsed; the change must apply exactly once. */
function mutated(from: string | RegExp, to: string): XmlElement {
  const count = typeof from === "string" ? source.split(from).length - 1 : (source.match(new RegExp(from, "g")) ?? []).length;
  if (count !== 1) throw new Error(`mutation ${String(from)} matches ${count} times`);
  return parseXml(source.replace(from, to));
}

/** The manifest with every occurrence of a string replaced, parsed. */
function replacedAll(from: string, to: string): XmlElement {
  if (!source.includes(from)) throw new Error(`${from} is not in the manifest`);
  return parseXml(source.split(from).join(to));
}

/** A resource's default value and its en-US override. */
function resource(kind: ResourceKind, id: string): { zh: string; en: string | undefined } {
  const el = report.resources[kind].get(id);
  if (!el) throw new Error(`no ${kind} resource ${id}`);
  return { zh: el.attrs.DefaultValue, en: kids(el, "Override").find((o) => o.attrs.Locale === "en-US")?.attrs.Value };
}

/** The file under assets/ a manifest URL points to (URLs are https://localhost:3000/assets/…). */
function assetFile(url: string): string {
  const prefix = `${DEV_ORIGIN}/assets/`;
  if (!url.startsWith(prefix)) throw new Error(`icon URL outside ${prefix}: ${url}`);
  return join(root, "assets", url.slice(prefix.length));
}

function pngSize(url: string): [number, number] {
  const file = assetFile(url);
  if (!existsSync(file)) throw new Error(`missing ${file}`);
  const { width, height } = readPng(readFileSync(file));
  return [width, height];
}

const hasCjk = (s: string): boolean => /[\u4e00-\u9fff]/.test(s);

describe("manifest.xml: offline schema check", () => {
  it("is well-formed XML with OfficeApp in the 1.1 namespace, xsi:type TaskPaneApp", () => {
    expect(doc.local).toBe("OfficeApp");
    expect(doc.ns).toBe(NS.app);
    expect(xsiType(doc)).toBe("TaskPaneApp");
    expect(vo.ns).toBe(NS.ov);
    expect(xsiType(vo)).toBe("VersionOverridesV1_0");
  });

  it("passes the schema subset, the resid check and the https check with no problem", () => {
    expect(validateManifest(doc)).toEqual([]);
  });

  it("has OfficeApp's children in the schema's order", () => {
    expect(doc.children.map((c) => c.local)).toEqual([
      "Id",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "VersionOverrides",
    ]);
  });

  it("has a GUID id, an n.n.n.n version and strings within the length limits", () => {
    expect(kid(doc, "Id").text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(kid(doc, "Version").text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const len = (s: string) => [...s].length;
    for (const el of [kid(doc, "DisplayName"), ...kids(kid(doc, "DisplayName"), "Override")]) expect(len(el.attrs.DefaultValue ?? el.attrs.Value)).toBeLessThanOrEqual(125);
    for (const el of [kid(doc, "Description"), ...kids(kid(doc, "Description"), "Override")]) expect(len(el.attrs.DefaultValue ?? el.attrs.Value)).toBeLessThanOrEqual(250);
    for (const [kind, max] of [["ShortStrings", 125], ["LongStrings", 250]] as const) {
      for (const el of report.resources[kind].values()) {
        for (const v of [el.attrs.DefaultValue, ...kids(el, "Override").map((o) => o.attrs.Value)]) expect(len(v)).toBeLessThanOrEqual(max);
      }
    }
    for (const map of Object.values(report.resources)) for (const id of map.keys()) expect(len(id)).toBeLessThanOrEqual(32);
  });

  it("resolves every resid to a resource of the right kind, and uses every resource", () => {
    expect(report.refs.length).toBeGreaterThan(10);
    for (const ref of report.refs) expect([ref.kind, ref.id, report.resources[ref.kind].has(ref.id)]).toEqual([ref.kind, ref.id, true]);
    const used = new Set(report.refs.map((r) => r.id));
    for (const map of Object.values(report.resources)) for (const id of map.keys()) expect([id, used.has(id)]).toEqual([id, true]);
    // And there is no resid outside the elements the schema subset knows as references.
    const resids = [...walk(doc)].filter((el) => "resid" in el.attrs);
    expect(resids).toHaveLength(report.refs.length);
  });

  it("uses https for every URL", () => {
    const urls = [...walk(doc)].flatMap((el) => Object.entries(el.attrs).filter(([k, v]) => !k.startsWith("xmlns") && /:\/\//.test(v)).map(([, v]) => v));
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) expect(url).toMatch(/^https:\/\//);
  });

  describe("catches what it should (the checker itself)", () => {
    it.each([
      ["elements out of order", () => mutated(/(<Id>[^<]*<\/Id>)(\s*)(<Version>[^<]*<\/Version>)/, "$3$2$1"), /Version|Id/],
      ["a missing required element", () => mutated(/<Permissions>[^<]*<\/Permissions>/, ""), /missing <Permissions>/],
      ["an unknown permission", () => mutated("<Permissions>ReadWriteDocument<", "<Permissions>ReadWriteAll<"), /not a permission level/],
      ["a bad GUID", () => mutated(/<Id>[^<]*<\/Id>/, "<Id>not-a-guid</Id>"), /not a GUID/],
      ["a bad version", () => mutated("<Version>1.0.0.0</Version>", "<Version>1.0</Version>"), /not a version/],
      ["a DisplayName over 125 characters", () => mutated('DisplayName DefaultValue="评分表核查"', `DisplayName DefaultValue="${"评".repeat(126)}"`), /ShortString must be 1–125/],
      ["a LongString over 250 characters", () => mutated(/(id="PaneButton\.Tooltip" DefaultValue=")[^"]*/, `$1${"x".repeat(251)}`), /LongString must be 1–250/],
      ["a resid that resolves nowhere", () => mutated('<Label resid="Group.Label"/>', '<Label resid="Group.Lable"/>'), /"Group\.Lable" does not resolve/],
      ["a resid of the wrong kind", () => mutated('<Title resid="PaneButton.Title"/>', '<Title resid="PaneButton.Tooltip"/>'), /is in LongStrings, expected ShortStrings/],
      ["an unused resource", () => mutated('<Title resid="PaneButton.Title"/>', '<Title resid="CheckButton.Title"/>'), /"PaneButton\.Title" is never used/],
      ["a resource id over 32 characters", () => replacedAll('"Help.Url"', '"Help.Url.With.A.Very.Long.Name.That.Is.Too.Long"'), /resource id must be 1–32/],
      ["an http URL", () => mutated('id="Help.Url" DefaultValue="https://localhost:3000/help.html"', 'id="Help.Url" DefaultValue="http://localhost:3000/help.html"'), /not https/],
      ["a runtime lifetime that is not short or long", () => mutated('lifetime="long"', 'lifetime="forever"'), /not a runtime lifetime/],
      ["a runtime without its resid", () => mutated('<Runtime resid="Taskpane.Url" lifetime="long"/>', '<Runtime lifetime="long"/>'), /missing attribute resid/],
      ["Runtimes after DesktopFormFactor", () => mutated(/(\s*<Runtimes>[\s\S]*?<\/Runtimes>)([\s\S]*?<\/DesktopFormFactor>)/, "$2$1"), /<Runtimes> \(line \d+\) is out of order/],
      ["a Runtime outside Runtimes", () => mutated(/<Runtimes>\s*(<Runtime [^>]*\/>)\s*<\/Runtimes>/, "$1"), /<Runtime> \(line \d+\) is not allowed here/],
      ["a missing xsi:type", () => mutated('<Action xsi:type="ShowTaskpane">\n                    <TaskpaneId>ScoreCheckPane</TaskpaneId>\n                    <SourceLocation resid="Taskpane.Url"/>', '<Action>\n                    <TaskpaneId>ScoreCheckPane</TaskpaneId>\n                    <SourceLocation resid="Taskpane.Url"/>'), /xsi:type is required/],
      ["an element in the wrong namespace", () => mutated('<bt:Image size="16" resid="Icon.16x16"/>\n                  <bt:Image size="32" resid="Icon.32x32"/>\n                  <bt:Image size="80" resid="Icon.80x80"/>\n                </Icon>\n                <!--', '<Image size="16" resid="Icon.16x16"/>\n                  <bt:Image size="32" resid="Icon.32x32"/>\n                  <bt:Image size="80" resid="Icon.80x80"/>\n                </Icon>\n                <!--'), /wrong namespace/],
      ["an unsupported icon size", () => mutated('<bt:Image size="80" resid="Icon.80x80"/>\n                </Icon>\n                <!--', '<bt:Image size="81" resid="Icon.80x80"/>\n                </Icon>\n                <!--'), /not an icon size/],
    ])("%s", (_name, make, expected) => {
      const problems = validateManifest(make());
      expect(problems.join("\n")).toMatch(expected);
    });

    it("rejects malformed XML", () => {
      expect(() => parseXml(source.replace("</Hosts>", "</Host>"))).toThrow(/closes/);
      expect(() => parseXml(source.replace("<Permissions>", "<Permissions>&"))).toThrow(/bare '&'/);
      expect(() => parseXml(source.replace("xmlns:bt=", "xmlns:bx="))).toThrow(/unbound namespace prefix 'bt'/);
    });
  });
});

describe("manifest.xml: icons", () => {
  it("points every icon URL at a PNG in assets/ of the right pixel size", () => {
    expect(pngSize(kid(doc, "IconUrl").attrs.DefaultValue)).toEqual([32, 32]);
    expect(pngSize(kid(doc, "HighResolutionIconUrl").attrs.DefaultValue)).toEqual([64, 64]);
    const iconImages = [...walk(vo)].filter((el) => el.local === "Image" && el.parent?.local === "Icon");
    expect(iconImages.length).toBe(9); // group + two buttons × 16/32/80
    for (const img of iconImages) {
      const size = Number(img.attrs.size);
      const res = report.resources.Images.get(img.attrs.resid)!;
      for (const url of [res.attrs.DefaultValue, ...kids(res, "Override").map((o) => o.attrs.Value)]) {
        expect([pathOf(img), pngSize(url)]).toEqual([pathOf(img), [size, size]]);
      }
    }
  });

  it.each(ICON_SIZES)("assets/icon-%i.png is what scripts/make-icons.ts draws (run npm run icons after changing it)", (size) => {
    const png = decodeRgba(readFileSync(join(root, "assets", `icon-${size}.png`)));
    expect([png.width, png.height]).toEqual([size, size]);
    expect(Buffer.from(png.rgba).equals(Buffer.from(renderIcon(size)))).toBe(true);
  });
});

describe("manifest.xml: what the add-in needs", () => {
  const desktop = kid(kid(kid(vo, "Hosts"), "Host"), "DesktopFormFactor");
  const home = kid(kid(desktop, "ExtensionPoint"), "OfficeTab");
  const group = kid(home, "Group");
  const buttons = kids(group, "Control");
  const urlOf = (button: XmlElement) => resource("Urls", kid(kid(button, "Action"), "SourceLocation").attrs.resid).zh;
  const label = (el: XmlElement) => resource("ShortStrings", kid(el, "Label").attrs.resid);

  it("is an Excel (Workbook) task pane add-in with ReadWriteDocument and the ExcelApi 1.1 floor", () => {
    expect(kids(kid(doc, "Hosts"), "Host").map((h) => h.attrs.Name)).toEqual(["Workbook"]);
    expect(kid(doc, "Permissions").text).toBe("ReadWriteDocument");
    const sets = kid(kid(doc, "Requirements"), "Sets");
    expect(sets.attrs.DefaultMinVersion).toBe("1.1");
    expect(kids(sets, "Set").map((s) => [s.attrs.Name, s.attrs.MinVersion])).toEqual([["ExcelApi", "1.1"]]);
    expect(kid(kid(doc, "DefaultSettings"), "SourceLocation").attrs.DefaultValue).toBe("https://localhost:3000/taskpane.html");
    expect(xsiType(kid(kid(vo, "Hosts"), "Host"))).toBe("Workbook");
    expect(kids(doc, "AppDomains")).toHaveLength(0);
  });

  it("is Simplified Chinese by default with an en-US override for every string", () => {
    expect(kid(doc, "DefaultLocale").text).toBe("zh-CN");
    for (const name of ["DisplayName", "Description"]) {
      const el = kid(doc, name);
      expect(hasCjk(el.attrs.DefaultValue)).toBe(true);
      expect(kids(el, "Override").map((o) => o.attrs.Locale)).toEqual(["en-US"]);
      expect(hasCjk(kids(el, "Override")[0].attrs.Value)).toBe(false);
    }
    expect(kid(doc, "DisplayName").attrs.DefaultValue).toBe("评分表核查");
    for (const kind of ["ShortStrings", "LongStrings"] as const) {
      for (const id of report.resources[kind].keys()) {
        const { zh, en } = resource(kind, id);
        expect([id, hasCjk(zh), en !== undefined && !hasCjk(en)]).toEqual([id, true, true]);
      }
    }
  });

  it("puts a 评分表核查 group on the Home tab", () => {
    expect(kids(kid(desktop, "ExtensionPoint"), "OfficeTab")).toHaveLength(1);
    expect(xsiType(kid(desktop, "ExtensionPoint"))).toBe("PrimaryCommandSurface");
    expect(home.attrs.id).toBe("TabHome");
    expect(label(group)).toEqual({ zh: "评分表核查", en: "ScoreCheck" });
  });

  it("has a 一键核查 button that runs the check (ExecuteFunction) and a 打开面板 button that shows the pane", () => {
    expect(buttons).toHaveLength(2);
    const [check, pane] = buttons;
    for (const b of buttons) {
      expect(xsiType(b)).toBe("Button");
      const tip = kid(b, "Supertip");
      expect(hasCjk(resource("ShortStrings", kid(tip, "Title").attrs.resid).zh)).toBe(true);
      expect(resource("LongStrings", kid(tip, "Description").attrs.resid).en).toBeTruthy();
    }
    expect(label(check)).toEqual({ zh: "一键核查", en: "Check workbook" });
    expect(label(pane)).toEqual({ zh: "打开面板", en: "Open pane" });
    expect(xsiType(kid(check, "Action"))).toBe("ExecuteFunction");
    // The name the pane's script associates (src/addin/commands/commands.ts).
    expect(kid(kid(check, "Action"), "FunctionName").text).toBe(CHECK_ACTION);
    expect(xsiType(kid(pane, "Action"))).toBe("ShowTaskpane");
    expect(urlOf(pane)).toBe("https://localhost:3000/taskpane.html");
    expect(kid(kid(pane, "Action"), "TaskpaneId").text).not.toBe("");
  });

  it("runs the pane and the commands in one shared runtime: the Runtime, FunctionFile and pane share one URL resource", () => {
    const host = kid(kid(vo, "Hosts"), "Host");
    expect(host.children[0].local).toBe("Runtimes");
    const runtimes = kids(kid(host, "Runtimes"), "Runtime");
    expect(runtimes.map((r) => [r.attrs.resid, r.attrs.lifetime])).toEqual([["Taskpane.Url", "long"]]);
    // Office loads the shared runtime only when every one of these uses the same resid.
    expect(kid(desktop, "FunctionFile").attrs.resid).toBe("Taskpane.Url");
    for (const b of buttons.filter((x) => xsiType(kid(x, "Action")) === "ShowTaskpane")) expect(kid(kid(b, "Action"), "SourceLocation").attrs.resid).toBe("Taskpane.Url");
    // SharedRuntime is not a manifest requirement: Excel without it still installs the add-in.
    expect(kids(kid(kid(doc, "Requirements"), "Sets"), "Set").map((x) => x.attrs.Name)).not.toContain("SharedRuntime");
  });

  it("has a FunctionFile, a GetStarted callout and an https support page", () => {
    expect(resource("Urls", kid(desktop, "FunctionFile").attrs.resid).zh).toBe("https://localhost:3000/taskpane.html");
    const getStarted = kid(desktop, "GetStarted");
    expect(hasCjk(resource("ShortStrings", kid(getStarted, "Title").attrs.resid).zh)).toBe(true);
    expect(resource("LongStrings", kid(getStarted, "Description").attrs.resid).en).toMatch(/Check workbook/);
    expect(resource("Urls", kid(getStarted, "LearnMoreUrl").attrs.resid).zh).toMatch(/^https:\/\//);
    expect(kid(doc, "SupportUrl").attrs.DefaultValue).toMatch(/^https:\/\//);
  });
});

describe("office-addin-manifest's own reader (offline)", () => {
  // Run in a plain Node process: office-addin-manifest loads uuid 14, which is ESM-only and which
  // jest's CommonJS runtime can't require. The reader never calls it (only modifyManifestFile
  // makes new GUIDs), so the child process stubs it in require.cache before loading the package.
  const script = `
    const path = require("node:path");
    const Module = require("node:module");
    const pkg = path.dirname(require.resolve("office-addin-manifest/package.json"));
    try {
      const uuidPath = require.resolve("uuid", { paths: [path.join(pkg, "lib", "manifestHandler")] });
      const stub = new Module(uuidPath);
      stub.filename = uuidPath;
      stub.loaded = true;
      stub.exports = { v4: () => { throw new Error("uuid is not used by readManifestFile"); } };
      require.cache[uuidPath] = stub;
    } catch {}
    const { OfficeAddinManifest } = require("office-addin-manifest");
    OfficeAddinManifest.readManifestFile(process.argv[1]).then(
      (info) => process.stdout.write(JSON.stringify(info)),
      (err) => { console.error(String(err)); process.exit(1); },
    );`;

  it("parses manifest.xml", () => {
    const out = execFileSync(process.execPath, ["-e", script, manifestPath], { cwd: root, encoding: "utf8", timeout: 30_000 });
    const info = JSON.parse(out) as Record<string, unknown>;
    expect(info).toMatchObject({
      id: kid(doc, "Id").text,
      version: "1.0.0.0",
      officeAppType: "TaskPaneApp",
      defaultLocale: "zh-CN",
      displayName: "评分表核查",
      providerName: "ScoreCheck",
      permissions: "ReadWriteDocument",
      hosts: ["Workbook"],
      manifestType: "xml",
      iconUrl: "https://localhost:3000/assets/icon-32.png",
      highResolutionIconUrl: "https://localhost:3000/assets/icon-64.png",
      defaultSettings: { sourceLocation: "https://localhost:3000/taskpane.html" },
    });
  });
});

describe("manifestForHost", () => {
  it("rewrites every dev URL to the production host, and the result still validates", () => {
    const xml = manifestForHost(source, "https://intranet.example/scorecheck/");
    expect(xml).not.toContain(DEV_ORIGIN);
    expect(xml).toContain('DefaultValue="https://intranet.example/scorecheck/taskpane.html"');
    expect(xml).toContain('DefaultValue="https://intranet.example/scorecheck/assets/icon-16.png"');
    expect(xml.split("https://intranet.example/scorecheck/").length - 1).toBe(source.split("https://localhost:3000/").length - 1);
    expect(validateManifest(parseXml(xml))).toEqual([]);
  });

  it("accepts a bare origin and drops trailing slashes", () => {
    expect(manifestForHost('<a b="https://localhost:3000/x.html"/>', "https://addins.example.gov.cn")).toBe('<a b="https://addins.example.gov.cn/x.html"/>');
    expect(manifestForHost('<a b="https://localhost:3000/x.html"/>', "https://addins.example:8443//")).toBe('<a b="https://addins.example:8443/x.html"/>');
    expect(manifestForHost(source, DEV_ORIGIN)).toBe(source);
  });

  it.each([
    ["http://intranet.example/scorecheck", /https/],
    ["intranet.example", /not a URL/],
    ["", /no host/],
    ["https://intranet.example/?v=1", /query or fragment/],
    ["https://intranet.example/#x", /query or fragment/],
    ["https://user:pw@intranet.example/", /credentials/],
    ["https://intranet.example/a&b", /not allowed/],
  ])("refuses %j", (origin, message) => {
    expect(() => manifestForHost(source, origin)).toThrow(message);
  });
});
