// A data table that is a table at every width for screen readers, and a stack of cards on a
// narrow screen for the eye (app.css, `.cards`). The reflow is CSS only: the same <table> turns
// its rows into blocks. Some browsers (WebKit, older Chromium) drop a table's semantics from the
// accessibility tree once CSS changes its `display`, so every element states its role
// explicitly: redundant while it is a table, what keeps it one while it is a stack of cards.
// Each cell names its column (`label`) for the card view; the name is drawn by CSS with empty
// alternative text, so a screen reader hears the column header once, from the table.
import type { ReactNode } from "react";

/* eslint-disable jsx-a11y/no-redundant-roles, jsx-a11y/no-interactive-element-to-noninteractive-role -- the explicit roles survive the card layout's display change (see above); jsx-a11y counts <td> as a grid cell */

export function CardTable({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <div className="table-wrap">
      <table role="table" className={className ? `cards ${className}` : "cards"}>
        {children}
      </table>
    </div>
  );
}

export function CardHead({ children }: { children: ReactNode }) {
  return (
    <thead role="rowgroup">
      <tr role="row">{children}</tr>
    </thead>
  );
}

export function CardBody({ children }: { children: ReactNode }) {
  return <tbody role="rowgroup">{children}</tbody>;
}

export function CardRow({ children, id }: { children: ReactNode; id?: string }) {
  return (
    <tr role="row" id={id}>
      {children}
    </tr>
  );
}

export function ColumnHeader({ children }: { children: ReactNode }) {
  return (
    <th scope="col" role="columnheader">
      {children}
    </th>
  );
}

/** The cell that names its row: the card's title on a narrow screen. */
export function RowHeader({ children }: { children: ReactNode }) {
  return (
    <th scope="row" role="rowheader">
      {children}
    </th>
  );
}

export function Cell({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  return (
    <td role="cell" data-label={label} className={className}>
      {/* One box beside the label in the card layout, however many elements the value has. */}
      <span className="cards__value">{children}</span>
    </td>
  );
}
