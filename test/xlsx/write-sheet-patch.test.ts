/** Patching one worksheet part: only the cells asked for change; rows and cells are created in order. */
import { patchSheet, type CellEdit } from "../../src/xlsx/write/sheet-patch";

const SHEET = (rows: string, head = '<dimension ref="A1:C3"/>') =>
  `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${head}<sheetData>${rows}</sheetData><pageMargins left="0.7"/></worksheet>`;
const edits = (...e: [number, number, CellEdit][]) => {
  const m = new Map<number, Map<number, CellEdit>>();
  for (const [r, c, x] of e) m.set(r, (m.get(r) ?? new Map()).set(c, x));
  return m;
};
const patch = (xml: string, e: Map<number, Map<number, CellEdit>>, remap?: Map<number, number>) => patchSheet(xml, e, remap).pieces.join("");

describe("patchSheet", () => {
  const rows = '<row r="1" spans="1:3"><c r="A1" s="4" t="s"><v>0</v></c><c r="C1"><v>3</v></c></row><row r="3" spans="1:3" customFormat="1" s="7"/>';

  it("rewrites one cell in place, keeping its style and everything else byte for byte", () => {
    const out = patch(SHEET(rows), edits([0, 0, { content: { kind: "number", value: 5 } }]));
    expect(out).toBe(SHEET(rows.replace('<c r="A1" s="4" t="s"><v>0</v></c>', '<c r="A1" s="4"><v>5</v></c>')));
  });

  it("creates a missing cell between cells, a missing row between rows, and one in a self-closing row", () => {
    const out = patch(
      SHEET(rows),
      edits([0, 1, { content: { kind: "text", value: "=x<y" } }], [1, 0, { content: { kind: "formula", formula: "=SUM(A1:C1)", value: 8 } }], [2, 3, { style: (s) => s + 1 }]),
    );
    expect(out).toBe(
      SHEET(
        '<row r="1" spans="1:3"><c r="A1" s="4" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t xml:space="preserve">=x&lt;y</t></is></c><c r="C1"><v>3</v></c></row>' +
          '<row r="2"><c r="A2"><f>SUM(A1:C1)</f><v>8</v></c></row>' +
          '<row r="3" spans="1:4" customFormat="1" s="7"><c r="D3" s="8"/></row>',
        '<dimension ref="A1:D3"/>',
      ),
    );
  });

  it("appends rows past the end and widens the dimension", () => {
    const out = patch(SHEET(rows), edits([9, 4, { content: { kind: "number", value: 1 } }]));
    expect(out).toContain('<row r="3" spans="1:3" customFormat="1" s="7"/><row r="10"><c r="E10"><v>1</v></c></row></sheetData>');
    expect(out).toContain('<dimension ref="A1:E10"/>');
  });

  it("remaps styles of every cell and reports formula changes", () => {
    const r = patchSheet(SHEET('<row r="1"><c r="A1" s="9"><f>1+1</f><v>2</v></c><c r="B1" s="9"/></row>'), edits([0, 0, { content: { kind: "number", value: 2 } }]), new Map([[9, 4]]));
    expect(r.pieces.join("")).toContain('<c r="A1" s="4"><v>2</v></c><c r="B1" s="4"/>');
    expect(r.formulaTouched).toBe(true);
  });
});
