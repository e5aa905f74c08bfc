/** A side-panel row's title (in full on hover, as rows are cut to one line) and its detail line when it has one. */
export function ItemText({ title, detail }: { title: string; detail: string }) {
  return (
    <span className="item-text">
      <span className="item-title" title={title}>
        {title}
      </span>
      {detail && <span className="item-detail">{detail}</span>}
    </span>
  );
}
