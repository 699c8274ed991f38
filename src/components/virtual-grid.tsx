import {
  makeStyles,
  shorthands,
  Table,
  TableBody,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  createContext,
  memo,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type FocusEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { useLinkProps } from '@/lib/router';

/** One column of a {@link VirtualGrid}. */
export interface VirtualGridColumn<T> {
  id: string;
  header: string;
  /** Flex basis in px; columns grow from there. */
  width: number;
  /**
   * What the cell shows: text (cut with an ellipsis) or plain elements. Thousands of cells mount
   * while a long list scrolls, so no Fluent component or hook per cell: see {@link GridLink}.
   */
  render: (row: T) => ReactNode;
  /** The cell's native tooltip (e.g. the full text, or the UTC time of a local one). */
  title?: (row: T) => string | undefined;
  /** Whether the header sorts (default true). */
  sortable?: boolean;
}

/** Sort state of a grid (kept in the URL by the page). */
export interface GridSort {
  column: string;
  direction: 'ascending' | 'descending';
}

export interface VirtualGridProps<T> {
  /** Accessible name of the grid. */
  label: string;
  rows: readonly T[];
  columns: readonly VirtualGridColumn<T>[];
  /** A row's stable identity (keys the element of a row that must not be handed on, see below). */
  rowKey: (row: T) => string;
  sort: GridSort;
  onSortChange: (sort: GridSort) => void;
  /** Enter on a row (e.g. open its page). */
  onActivate?: (row: T) => void;
  /** Largest height of the scrolling area (CSS); a short list takes only what it needs. */
  maxHeight?: string;
}

const ROW_HEIGHT = 44;

/** The grid's link class, for {@link GridLink}s in its cells. */
const LinkClassContext = createContext<string | undefined>(undefined);

const useStyles = makeStyles({
  scroller: {
    overflow: 'auto',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    position: 'relative',
  },
  table: { minWidth: '100%', width: 'max-content' },
  header: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  body: { position: 'relative' },
  // Body rows are plain elements with Fluent's look, not Fluent's TableRow/TableCell: each of those
  // runs a dozen hooks, and scrolling a long list mounts a screenful of rows every few frames.
  row: {
    position: 'absolute',
    left: 0,
    right: 0,
    height: `${ROW_HEIGHT}px`,
    display: 'flex',
    boxSizing: 'border-box',
    // A row's size never depends on its content: laying out, styling or painting a row that
    // scrolls in touches nothing outside it.
    contain: 'strict',
    color: tokens.colorNeutralForeground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus-visible': {
      ...shorthands.outline(tokens.strokeWidthThick, 'solid', tokens.colorStrokeFocus2),
      outlineOffset: '-2px',
    },
  },
  // A block with one line as tall as the row centres its text without a wrapper element per cell.
  cell: {
    minWidth: 0,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    paddingInline: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase300,
    lineHeight: `${ROW_HEIGHT - 1}px`,
  },
  link: {
    color: tokens.colorBrandForegroundLink,
    textDecorationLine: 'none',
    ':hover': { color: tokens.colorBrandForegroundLinkHover, textDecorationLine: 'underline' },
    ':active': { color: tokens.colorBrandForegroundLinkPressed },
  },
});

/**
 * A virtualised grid over Fluent's Table primitives for lists of any length: only the rows in
 * view (plus a margin) are in the DOM, while the grid keeps its semantics: `role="grid"`,
 * `aria-rowcount` for the whole list, `aria-rowindex` on each rendered row, sortable column
 * headers with `aria-sort`, and one tab stop with arrow keys, Page Up/Down and Home/End moving
 * between rows (scrolling them into view).
 */
export function VirtualGrid<T>({
  label,
  rows,
  columns,
  rowKey,
  sort,
  onSortChange,
  onActivate,
  maxHeight = '65vh',
}: VirtualGridProps<T>) {
  const styles = useStyles();
  const scrollerRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const pendingFocus = useRef<number | null>(null);
  // The virtualiser measures the scroller; the initial size is used until then (and in jsdom).
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns functions React Compiler cannot memoise; this component is not compiled.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollerRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialRect: { width: 1200, height: 600 },
  });
  const items = virtualizer.getVirtualItems();
  const activeIndex = Math.min(active, Math.max(0, rows.length - 1));
  const tabStop = items.some((i) => i.index === activeIndex) ? activeIndex : (items[0]?.index ?? 0);

  useEffect(() => {
    const index = pendingFocus.current;
    if (index === null) return;
    const el = scrollerRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
    if (el) {
      // Scrolls the page too when the row sits below the window's edge.
      el.focus();
      pendingFocus.current = null;
    }
  });

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    pendingFocus.current = next;
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  // One handler for every row (rows carry no closures): the row is found from the event's target.
  const rowOf = (target: EventTarget) => {
    const el = target instanceof Element ? target.closest<HTMLElement>('[role="row"][data-index]') : null;
    const index = Number(el?.dataset.index);
    const row = el && Number.isInteger(index) ? rows[index] : undefined;
    return el && row !== undefined ? { el, index, row } : undefined;
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const found = rowOf(event.target);
    if (!found) return;
    const { el, index, row } = found;
    // Read on the key press, not while rendering: a layout read per render would cost every scrolled frame.
    const pageSize = Math.max(1, Math.floor((scrollerRef.current?.clientHeight ?? 600) / ROW_HEIGHT) - 1);
    const keys: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + pageSize,
      PageUp: index - pageSize,
      Home: 0,
      End: rows.length - 1,
    };
    const target = keys[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
    } else if (event.key === 'Enter' && onActivate && event.target === el) {
      event.preventDefault();
      onActivate(row);
    }
  };

  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    const found = rowOf(event.target);
    if (found && found.el === event.target) setActive(found.index);
  };
  // Rows in view are keyed by their place in the window (index modulo the window's length), not by
  // their data: a row scrolling out hands its elements to the one scrolling in (new text and
  // position, no elements created or removed, which is most of a scrolled frame's cost). A row
  // keeps its element while it is in view. The active row's element (it may hold focus) is not
  // handed on: once that row has left the window, its slot's next row gets elements of its own,
  // and focus leaves with the row as before. The slot count only grows (the window's length moves
  // by a row as it scrolls; a new count would give every row another slot).
  const slotCount = useRef(0);
  slotCount.current = Math.max(slotCount.current, items.length);
  const slots = slotCount.current;
  const rowSlotKey = (index: number, row: T) =>
    index !== activeIndex && index % slots === activeIndex % slots
      ? `own:${rowKey(row)}`
      : `slot:${index % slots}`;
  // Computed once per column set, shared by every row.
  const cellStyles = useMemo(() => columns.map(flex), [columns]);

  return (
    <div
      ref={scrollerRef}
      className={styles.scroller}
      style={{ height: `min(${(rows.length + 1) * ROW_HEIGHT + 4}px, ${maxHeight})` }}
    >
      <Table
        noNativeElements
        sortable
        role="grid"
        aria-label={label}
        aria-rowcount={rows.length + 1}
        aria-colcount={columns.length}
        className={styles.table}
      >
        <TableHeader className={styles.header}>
          <TableRow aria-rowindex={1}>
            {columns.map((c) => {
              const sortable = c.sortable !== false;
              return (
                <TableHeaderCell
                  key={c.id}
                  style={flex(c)}
                  sortable={sortable}
                  sortDirection={sortable && sort.column === c.id ? sort.direction : undefined}
                  onClick={
                    sortable
                      ? () =>
                          onSortChange({
                            column: c.id,
                            direction:
                              sort.column === c.id && sort.direction === 'ascending'
                                ? 'descending'
                                : 'ascending',
                          })
                      : undefined
                  }
                >
                  {c.header}
                </TableHeaderCell>
              );
            })}
          </TableRow>
        </TableHeader>
        <TableBody
          className={styles.body}
          style={{ height: `${virtualizer.getTotalSize()}px` }}
          onFocus={onFocus}
          onKeyDown={onKeyDown}
        >
          <LinkClassContext.Provider value={styles.link}>
            {items.map((item) => {
              const row = rows[item.index];
              if (row === undefined) return null;
              return (
                <GridRow<T>
                  key={rowSlotKey(item.index, row)}
                  row={row}
                  index={item.index}
                  start={item.start}
                  tabStop={item.index === tabStop}
                  columns={columns}
                  cellStyles={cellStyles}
                  rowClassName={styles.row}
                  cellClassName={styles.cell}
                />
              );
            })}
          </LinkClassContext.Provider>
        </TableBody>
      </Table>
    </div>
  );
}

const flex = (c: { width: number }): CSSProperties => ({ flex: `1 0 ${c.width}px` });

interface GridRowProps<T> {
  row: T;
  index: number;
  start: number;
  tabStop: boolean;
  columns: readonly VirtualGridColumn<T>[];
  cellStyles: readonly CSSProperties[];
  rowClassName: string;
  cellClassName: string;
}

/**
 * One body row of plain elements with Fluent's look; memoised, so scrolling and filtering
 * re-render only rows that changed. Focus and keys are handled once for all rows by the grid.
 */
const GridRow = memo(function GridRow<T>({
  row,
  index,
  start,
  tabStop,
  columns,
  cellStyles,
  rowClassName,
  cellClassName,
}: GridRowProps<T>) {
  return (
    <div
      role="row"
      data-index={index}
      aria-rowindex={index + 2}
      tabIndex={tabStop ? 0 : -1}
      className={rowClassName}
      style={{ transform: `translateY(${start}px)` }}
    >
      {columns.map((c, i) => (
        <div
          key={c.id}
          role="gridcell"
          className={cellClassName}
          style={cellStyles[i]}
          title={c.title?.(row)}
        >
          {c.render(row)}
        </div>
      ))}
    </div>
  );
}) as <T>(props: GridRowProps<T>) => ReactNode;

/**
 * An in-app link inside a grid cell: a plain anchor with Fluent's link colours (the class is
 * computed once per grid), not Fluent's Link, whose hooks would run for every row scrolled in.
 * Not a tab stop: the row is, and Enter on it opens the row.
 */
export function GridLink({ to, children }: { to: string; children: ReactNode }) {
  const className = useContext(LinkClassContext);
  return (
    <a {...useLinkProps(to)} className={className} tabIndex={-1}>
      {children}
    </a>
  );
}
