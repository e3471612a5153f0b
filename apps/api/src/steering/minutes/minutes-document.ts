/**
 * An ended meeting's minutes as a small document (headings, paragraphs, list items), in sv or en; the
 * Markdown and PDF exports render the same document. Never the text of feedback — only how many.
 */
import type { ItemDto, Locale, MeetingSnapshot, MinutesDto, PlanItemDto, RiskDto } from '@tillit/protocol';

export type Block = { kind: 'h1' | 'h2' | 'p' | 'li' | 'meta'; text: string };

const T = {
  sv: {
    meeting: 'Möte',
    day: 'Dag',
    started: 'Startade',
    ended: 'Avslutades',
    facilitator: 'Samtalsledare',
    summary: 'Sammanfattning',
    plan: 'Plan och fördelning för {day}',
    noPlan: 'Ingen plan för dagen.',
    nobodyAssigned: 'ingen tilldelad',
    absent: 'Frånvarande',
    risksRaised: 'Risker och störningar som togs upp',
    risksUpdated: 'Risker och störningar som uppdaterades',
    escalations: 'Eskaleringar',
    feedback: 'Positiv återkoppling',
    feedbackCount: 'Antal återkopplingar i rundan: {n}',
    created: 'Insamlat',
    actions: 'Åtgärder',
    reviewed: 'Uppföljt',
    none: 'Inget.',
    status: { open: 'planerad', done: 'klar', carried: 'flyttad till nästa dag', dropped: 'struken' },
    riskType: { risk: 'Risk', disturbance: 'Störning' },
    severity: { low: 'låg', medium: 'medel', high: 'hög' },
    riskStatus: { open: 'öppen', 'in-progress': 'pågår', resolved: 'åtgärdad' },
    owner: 'ansvarig',
    followUp: 'följs upp',
    learning: 'Lärdom',
    escalationOpen: 'öppen sedan {date}',
    escalationClosed: 'stängd {date}',
    reason: 'skäl',
    outcome: { done: 'klar', 'carry-over': 'flyttas fram', closed: 'stängd' },
  },
  en: {
    meeting: 'Meeting',
    day: 'Day',
    started: 'Started',
    ended: 'Ended',
    facilitator: 'Facilitator',
    summary: 'Summary',
    plan: 'Plan and assignments for {day}',
    noPlan: 'No plan for the day.',
    nobodyAssigned: 'nobody assigned',
    absent: 'Absent',
    risksRaised: 'Risks and disturbances raised',
    risksUpdated: 'Risks and disturbances updated',
    escalations: 'Escalations',
    feedback: 'Positive feedback',
    feedbackCount: 'Feedback messages in the round: {n}',
    created: 'Captured',
    actions: 'Actions',
    reviewed: 'Followed up',
    none: 'None.',
    status: { open: 'planned', done: 'done', carried: 'carried to the next day', dropped: 'dropped' },
    riskType: { risk: 'Risk', disturbance: 'Disturbance' },
    severity: { low: 'low', medium: 'medium', high: 'high' },
    riskStatus: { open: 'open', 'in-progress': 'in progress', resolved: 'resolved' },
    owner: 'owner',
    followUp: 'follow up',
    learning: 'Learning',
    escalationOpen: 'open since {date}',
    escalationClosed: 'closed {date}',
    reason: 'reason',
    outcome: { done: 'done', 'carry-over': 'carried over', closed: 'closed' },
  },
} as const;

const fill = (s: string, v: Record<string, string | number>) =>
  s.replace(/\{(\w+)\}/g, (_, k: string) => String(v[k] ?? ''));

export function minutesDocument(
  s: MeetingSnapshot,
  minutes: MinutesDto,
  locale: Locale,
  names: Map<string, string>,
): Block[] {
  const t = T[locale];
  const who = (id: string | null) => (id ? (names.get(id) ?? '?') : '?');
  const stamp = (iso: string | null) =>
    iso ? new Date(iso).toLocaleString(locale === 'sv' ? 'sv-SE' : 'en-GB', { timeZone: 'Europe/Stockholm' }) : '';
  const out: Block[] = [{ kind: 'h1', text: s.meeting.title }];
  const meta = [
    s.meeting.startedAt && `${t.started}: ${stamp(s.meeting.startedAt)}`,
    s.meeting.endedAt && `${t.ended}: ${stamp(s.meeting.endedAt)}`,
    s.meeting.facilitatorId && `${t.facilitator}: ${who(s.meeting.facilitatorId)}`,
  ].filter(Boolean) as string[];
  for (const line of meta) out.push({ kind: 'meta', text: line });

  if (minutes.summary) out.push({ kind: 'h2', text: t.summary }, { kind: 'p', text: minutes.summary });

  const st = minutes.steering;
  if (st) {
    out.push({ kind: 'h2', text: fill(t.plan, { day: st.day }) });
    if (st.plan.length === 0) out.push({ kind: 'p', text: t.noPlan });
    for (const i of st.plan) out.push({ kind: 'li', text: planLine(i, t, who) });
    if (st.absences.length) out.push({ kind: 'p', text: `${t.absent}: ${st.absences.map(who).join(', ')}` });
    if (st.risksRaised.length) {
      out.push({ kind: 'h2', text: t.risksRaised });
      for (const r of st.risksRaised) out.push({ kind: 'li', text: riskLine(r, t, who) });
    }
    if (st.risksUpdated.length) {
      out.push({ kind: 'h2', text: t.risksUpdated });
      for (const r of st.risksUpdated) out.push({ kind: 'li', text: riskLine(r, t, who) });
    }
    if (st.escalations.length) {
      out.push({ kind: 'h2', text: t.escalations });
      for (const e of st.escalations) {
        const state =
          e.status === 'open'
            ? fill(t.escalationOpen, { date: e.createdAt.slice(0, 10) })
            : fill(t.escalationClosed, { date: (e.closedAt ?? '').slice(0, 10) });
        out.push({ kind: 'li', text: `${e.riskDescription} (${state})${e.note ? ` – ${e.note}` : ''}` });
        for (const msg of e.messages) out.push({ kind: 'li', text: `    ${who(msg.authorId)}: ${msg.text}` });
      }
    }
    out.push({ kind: 'h2', text: t.feedback }, { kind: 'p', text: fill(t.feedbackCount, { n: st.feedbackCount }) });
  }

  const itemLine = (i: ItemDto) =>
    `${i.text}${i.ownerId ? ` (${t.owner}: ${who(i.ownerId)})` : ''}${i.dueDate ? `, ${i.dueDate}` : ''}`;
  if (minutes.created.length) {
    out.push({ kind: 'h2', text: t.created });
    for (const i of minutes.created) out.push({ kind: 'li', text: itemLine(i) });
  }
  if (minutes.actions.length) {
    out.push({ kind: 'h2', text: t.actions });
    for (const i of minutes.actions) out.push({ kind: 'li', text: itemLine(i) });
  }
  if (minutes.reviewed.length) {
    out.push({ kind: 'h2', text: t.reviewed });
    for (const r of minutes.reviewed)
      out.push({ kind: 'li', text: `${r.text}: ${t.outcome[r.outcome]}${r.comment ? ` – ${r.comment}` : ''}` });
  }
  return out;
}

type Dict = (typeof T)[Locale];

function planLine(i: PlanItemDto, t: Dict, who: (id: string | null) => string): string {
  const where = [i.time, i.place].filter(Boolean).join(', ');
  const people = i.assigneeIds.length ? i.assigneeIds.map(who).join(', ') : t.nobodyAssigned;
  const reason = i.status === 'carried' && i.carryReason ? ` (${t.reason}: ${i.carryReason})` : '';
  return `${i.title}${where ? ` – ${where}` : ''} – ${people} – ${t.status[i.status]}${reason}`;
}

function riskLine(r: RiskDto, t: Dict, who: (id: string | null) => string): string {
  const parts = [
    `${t.riskType[r.type]}: ${r.description}`,
    r.category,
    t.severity[r.severity],
    t.riskStatus[r.status],
    r.ownerId ? `${t.owner}: ${who(r.ownerId)}` : null,
    r.followUpDate ? `${t.followUp}: ${r.followUpDate}` : null,
  ].filter(Boolean);
  return parts.join(' · ') + (r.learning ? ` — ${t.learning}: ${r.learning}` : '');
}

/** Markdown: text people wrote is escaped so that it cannot make headings, links or HTML. */
export function toMarkdown(blocks: Block[]): string {
  const esc = (s: string) => s.replace(/([\\`*_{}[\]()#+\-.!|<>])/g, '\\$1').replace(/\r?\n/g, '  \n');
  return (
    blocks
      .map((b) => {
        switch (b.kind) {
          case 'h1':
            return `# ${esc(b.text)}\n`;
          case 'h2':
            return `\n## ${esc(b.text)}\n`;
          case 'meta':
            return `${esc(b.text)}  `;
          case 'p':
            return `${esc(b.text)}\n`;
          case 'li':
            return b.text.startsWith('    ') ? `    - ${esc(b.text.trim())}` : `- ${esc(b.text)}`;
        }
      })
      .join('\n') + '\n'
  );
}
