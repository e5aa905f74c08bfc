/**
 * The feature colours as CSS hex strings: the tree's swatches use them without pulling three.js
 * into the page's first chunk (the viewer, which turns them into three Colors, loads lazily). The
 * server's part thumbnail (server/thumbnail/face-colors.ts) paints with the same definitions, so
 * a stored picture matches the viewer.
 */
export const PALETTE_HEX = [
  '#6f9fd8',
  '#e2a65c',
  '#79b58f',
  '#d98080',
  '#9d8cc8',
  '#5fb2b2',
  '#c9ad72',
  '#8ea3b9',
  '#d591b3',
  '#a4b96d',
  '#7d8fcb',
  '#cc8f62',
] as const;

/** A face no feature holds: a calm neutral that lets the feature colours stand out. */
export const BASE_HEX = '#b9c3cd';
