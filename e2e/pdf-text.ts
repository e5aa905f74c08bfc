/**
 * The text of a PDF as lines, read with Mozilla's PDF.js: text items on one baseline (within half
 * a point) joined left to right, lines top to bottom, per page. Enough to check what a printed
 * page says, row by row.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

interface Item {
  str: string;
  transform: number[];
}

export async function pdfLines(data: Uint8Array): Promise<string[][]> {
  const task = getDocument({ data, useSystemFonts: false });
  const doc = await task.promise;
  const pages: string[][] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    const items = (content.items as Item[]).filter((i) => typeof i.str === 'string' && i.str.trim() !== '');
    const rows: { y: number; parts: { x: number; s: string }[] }[] = [];
    for (const item of items) {
      const [x, y] = [item.transform[4]!, item.transform[5]!];
      const row = rows.find((r) => Math.abs(r.y - y) < 0.5) ?? rows[rows.push({ y, parts: [] }) - 1]!;
      row.parts.push({ x, s: item.str });
    }
    pages.push(
      rows
        .sort((a, b) => b.y - a.y)
        .map((r) =>
          r.parts
            .sort((a, b) => a.x - b.x)
            .map((q) => q.s)
            .join(' ')
            .replace(/\s+/g, ' ')
            .trim(),
        ),
    );
  }
  await task.destroy();
  return pages;
}
