/**
 * The part of vis-timeline's peer build and vis-data (both extend the global `vis`, from /vendor) that the
 * timeline script uses. Item and group content are always elements built with textContent.
 */
declare namespace vis {
  interface Item {
    id: string;
    group: string;
    start: Date;
    end?: Date;
    type: 'range' | 'point';
    content: HTMLElement;
    className: string;
  }
  interface Group {
    id: string;
    content: HTMLElement;
    className: string;
    order: number;
  }
  class DataSet<T> {
    constructor(items?: T[]);
    add(items: T[]): void;
    clear(): void;
    get(id: string): T | null;
    getIds(): string[];
    readonly length: number;
  }
  interface RangeChange {
    start: Date;
    end: Date;
    byUser: boolean;
  }
  interface ClickProperties {
    item: string | null;
    what: string | null;
  }
  class Timeline {
    constructor(container: HTMLElement, items: DataSet<Item>, groups: DataSet<Group>, options: Record<string, unknown>);
    on(event: 'rangechanged', callback: (change: RangeChange) => void): void;
    on(event: 'click' | 'select', callback: (properties: ClickProperties) => void): void;
    setWindow(start: Date, end: Date, options?: { animation?: boolean }): void;
    getWindow(): { start: Date; end: Date };
    zoomIn(percentage: number): void;
    zoomOut(percentage: number): void;
    setSelection(ids: string[]): void;
    redraw(): void;
    setOptions(options: Record<string, unknown>): void;
    addCustomTime(time: Date, id: string): void;
    setCustomTime(time: Date, id: string): void;
  }
}

/** moment.js, loaded before vis-timeline (its peer build needs it as a global). */
declare function moment(date: unknown): { utc(): unknown };
