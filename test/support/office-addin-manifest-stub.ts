/**
 * Stand-in for office-addin-manifest under jest. office-addin-mock imports it only for the OfficeApp
 * enum (to recognise a `host` key in mock data), but the real package pulls in
 * @microsoft/app-manifest, whose ESM-only dependencies (strip-bom) jest cannot load as CommonJS.
 */
export enum OfficeApp {
  Excel = "excel",
  OneNote = "onenote",
  Outlook = "outlook",
  PowerPoint = "powerpoint",
  Project = "project",
  Word = "word",
}
