import { atPrecision, lastDay, type Precision } from './calendar';
import { instrumentIn } from './instruments';

/**
 * Sanctions as measures over time. Events say that sanctions were imposed or lifted at a date; a measure is
 * what they open and close: sanctions of one authority on one target, on the whole of it or on a part of it
 * (its scope: a company, a commodity), from a start to an end, each known or not. Measures are derived from
 * the sanctions events of one line, (authority, target), read in date order by a small state machine:
 *
 *  - imposed, whole target: extends the open whole measure, else opens one (`imposed`, or `reimposed` when one
 *    on the same line was closed before);
 *  - imposed, scope S: extends the open measure on S; else, when the open whole measure has an open exemption
 *    for S, closes the exemption (`reimposed`); else opens a measure on S;
 *  - lifted, whole target: closes the whole measure and every open scoped one (`lifted`); with nothing open, a
 *    measure of unknown start ending then;
 *  - lifted, scope S: closes the open measure on S; else, with a whole measure open, eases it: an exemption for
 *    S opens on it (a partial lift stays partial); else a measure on S of unknown start, ending then.
 *
 * An exemption ends with its measure. Ids are `${authority}|${target}|${scope ?? '*'}|${ordinal}`, so they are
 * the same whenever the same events are read again: permalinks survive a rebuild. Pure: no database.
 */

export const SANCTIONS_TYPES = ['sanctions_imposed', 'sanctions_lifted'] as const;
export type SanctionsType = (typeof SANCTIONS_TYPES)[number];

export const CHANGE_KINDS = ['imposed', 'reimposed', 'extended', 'eased', 'lifted'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** A date as an event gives it: its first day and how precise it is. */
export interface KnownDate {
  date: string;
  precision: Precision;
}

export interface SanctionsParticipant {
  actor: string;
  role: string;
  kind: string;
}

export interface SanctionsEvent {
  id: string;
  type: SanctionsType;
  date: KnownDate;
  participants: SanctionsParticipant[];
  /** Its sentences and summary, where an instrument may be named. */
  text: string;
}

/** Whom a measure is on: the target, and the part of it it covers (null: the whole target). */
export interface MeasureKey {
  authority: string;
  target: string;
  scope: string | null;
}

export interface MeasureChange {
  kind: ChangeKind;
  event: string;
  date: KnownDate;
}

export interface Measure extends MeasureKey {
  id: string;
  /** The line, `${authority}|${target}`: what is recomputed together. */
  key: string;
  /** For an exemption, the id of the measure it is cut out of. */
  exemptionOf: string | null;
  start: KnownDate | null;
  end: KnownDate | null;
  instrument: string | null;
  /** The measure on the same line closed before this one was imposed again. */
  reimposes: string | null;
  changes: MeasureChange[];
}

export const isSanctionsType = (type: string): type is SanctionsType => (SANCTIONS_TYPES as readonly string[]).includes(type);

export const lineKey = (authority: string, target: string) => `${authority}|${target}`;

const distinct = (ids: string[]) => [...new Set(ids)];

/**
 * The measures an event touches. Authorities are its agents. A target that is a state is sanctioned whole; a
 * company, commodity or person is read as a part of the one state the event names as beneficiary (the potash
 * of Belarus), or, without exactly one, as a target of its own. No agent, no measure.
 */
export function measureKeys(event: Pick<SanctionsEvent, 'participants'>): MeasureKey[] {
  const withRole = (role: string) => event.participants.filter((p) => p.role === role);
  const authorities = distinct(withRole('agent').map((p) => p.actor));
  const states = distinct(
    withRole('beneficiary')
      .filter((p) => p.kind === 'state')
      .map((p) => p.actor),
  );
  const lines = withRole('target').map((t) =>
    t.kind === 'state' || states.length !== 1 ? { target: t.actor, scope: null } : { target: states[0] as string, scope: t.actor },
  );
  const keys = authorities.flatMap((authority) => lines.map((line) => ({ authority, ...line })));
  return keys.filter((k, i) => keys.findIndex((o) => o.authority === k.authority && o.target === k.target && o.scope === k.scope) === i);
}

/**
 * Date order; on the same first day an imposition before a lift, then by id, so the order (and with it the
 * ids of the measures) never depends on the order the database returns events in.
 */
export function byDate(a: SanctionsEvent, b: SanctionsEvent): number {
  return a.date.date.localeCompare(b.date.date) || SANCTIONS_TYPES.indexOf(a.type) - SANCTIONS_TYPES.indexOf(b.type) || a.id.localeCompare(b.id);
}

/** The state of one line while its events are read. */
class Line {
  readonly measures: Measure[] = [];
  /** Open measures by scope ('*' for the whole target). */
  private readonly open = new Map<string, Measure>();
  /** Open exemptions of the open whole measure, by scope. */
  private readonly exemptions = new Map<string, Measure>();
  /** The measure last closed on each scope: what an imposition there re-imposes. */
  private readonly closed = new Map<string, string>();
  private readonly ordinals = new Map<string, number>();

  constructor(
    private readonly authority: string,
    private readonly target: string,
  ) {}

  impose(event: SanctionsEvent, scope: string | null): void {
    const current = this.open.get(scope ?? '*');
    if (current) return this.record(current, 'extended', event);
    const exemption = scope === null ? undefined : this.exemptions.get(scope);
    if (exemption) {
      this.exemptions.delete(scope as string);
      return this.close(exemption, 'reimposed', event);
    }
    const previous = this.closed.get(scope ?? '*') ?? null;
    this.open.set(scope ?? '*', this.create(scope, event, previous ? 'reimposed' : 'imposed', { reimposes: previous }));
  }

  lift(event: SanctionsEvent, scope: string | null): void {
    if (scope === null) return this.liftWhole(event);
    const current = this.open.get(scope);
    if (current) {
      this.open.delete(scope);
      return this.close(current, 'lifted', event);
    }
    const whole = this.open.get('*');
    if (!whole) return this.closeUnknown(scope, event);
    const exemption = this.exemptions.get(scope);
    if (exemption) return this.record(exemption, 'eased', event);
    this.exemptions.set(scope, this.create(scope, event, 'eased', { exemptionOf: whole.id }));
  }

  private liftWhole(event: SanctionsEvent): void {
    if (this.open.size === 0) return this.closeUnknown(null, event);
    for (const exemption of this.exemptions.values()) exemption.end = event.date;
    this.exemptions.clear();
    for (const measure of this.open.values()) this.close(measure, 'lifted', event);
    this.open.clear();
  }

  /** A lift of something never seen imposed: a measure known only by its end. */
  private closeUnknown(scope: string | null, event: SanctionsEvent): void {
    const measure = this.create(scope, event, 'lifted', { start: null });
    measure.end = event.date;
    this.closed.set(scope ?? '*', measure.id);
  }

  private close(measure: Measure, kind: ChangeKind, event: SanctionsEvent): void {
    measure.end = event.date;
    this.record(measure, kind, event);
    if (measure.exemptionOf === null) this.closed.set(measure.scope ?? '*', measure.id);
  }

  private create(scope: string | null, event: SanctionsEvent, kind: ChangeKind, over: Partial<Measure>): Measure {
    const line = scope ?? '*';
    const ordinal = (this.ordinals.get(line) ?? 0) + 1;
    this.ordinals.set(line, ordinal);
    const { authority, target } = this;
    const measure: Measure = {
      id: `${authority}|${target}|${line}|${ordinal}`,
      key: lineKey(authority, target),
      authority,
      target,
      scope,
      exemptionOf: null,
      start: event.date,
      end: null,
      instrument: null,
      reimposes: null,
      changes: [],
      ...over,
    };
    this.measures.push(measure);
    this.record(measure, kind, event);
    return measure;
  }

  private record(measure: Measure, kind: ChangeKind, event: SanctionsEvent): void {
    measure.changes.push({ kind, event: event.id, date: event.date });
    measure.instrument ??= instrumentIn(event.text);
  }
}

/** The measures of one line, from its sanctions events (others, and events of other lines, are passed over). */
export function deriveMeasures(authority: string, target: string, events: readonly SanctionsEvent[]): Measure[] {
  const line = new Line(authority, target);
  for (const event of [...events].sort(byDate)) {
    const scopes = measureKeys(event).filter((k) => k.authority === authority && k.target === target);
    for (const { scope } of scopes) {
      if (event.type === 'sanctions_imposed') line.impose(event, scope);
      else line.lift(event, scope);
    }
  }
  return line.measures;
}

/** The last day a date covers: 2025-09 (month) → 2025-09-30. */
const lastDayOf = (known: KnownDate) => lastDay(atPrecision(known.date, known.precision));

/** Whether a day falls inside the period a month- or year-precise date covers (the change was some day in it). */
const insideVague = (known: KnownDate | null, day: string) => known !== null && known.precision !== 'day' && known.date <= day && day <= lastDayOf(known);

/**
 * Whether a measure is in force on a day: started (or of unknown start) on or before it, and not yet ended
 * (an end counts from its first day). `certain` is false when the day falls inside the month or year of a start
 * or end known only to that precision: the answer could be either.
 */
export function inForceOn(period: { start: KnownDate | null; end: KnownDate | null }, day: string): { inForce: boolean; certain: boolean } {
  const { start, end } = period;
  const inForce = (start === null || start.date <= day) && (end === null || day < end.date);
  return { inForce, certain: !insideVague(start, day) && !insideVague(end, day) };
}
