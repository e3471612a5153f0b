/**
 * Daily steering between meetings, `/teams/:teamId/steering/:view`: the plan of any day (adding ahead), the
 * risk log (filters, sort, CSV), escalations with their threads, the feedback wall and "my feedback", and
 * the team's settings.
 */
import {
  addDays,
  todayIn,
  RISK_SEVERITIES,
  RISK_SORTS,
  STEERING_LIMITS,
  type RiskLogQuery,
  type TeamDto,
} from '@tillit/protocol';
import { useId, useState } from 'react';
import { Link, NavLink, useParams } from 'react-router';
import { useMe } from '../auth/auth.api';
import { useMembers, useTeam } from '../teams/teams.api';
import { OwnerField } from '../ui/ActionForm';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Loading, Page, Status } from '../ui/Page';
import type { Person } from '../ui/ActionForm';
import { PeopleChecklist } from './PeopleChecklist';
import { FeedbackCard, FeedbackForm } from './feedback';
import { EscalationThread, RiskCard, RiskForm } from './risks';
import { formatDay, namesList, useSteeringT } from './steering.i18n';
import {
  riskCsvUrl,
  useAddPlanItem,
  useAddRisk,
  useCloseEscalation,
  useDayPlan,
  useDeletePlanItem,
  useEscalate,
  useEscalations,
  useFeedbackWall,
  useGiveFeedback,
  useMyFeedback,
  useReact,
  useReplyToEscalation,
  useRiskLog,
  useSetAbsence,
  useSteeringSettings,
  useUpdatePlanItem,
  useUpdateRisk,
  useUpdateSteeringSettings,
} from './steering.api';

const VIEWS = ['plan', 'risks', 'escalations', 'feedback', 'settings'] as const;
type ViewName = (typeof VIEWS)[number];

interface Ctx {
  team: TeamDto;
  me: string;
  people: Person[];
  managers: Set<string>;
  nameOf: (id: string | null) => string;
  mayFacilitate: boolean;
}

export function SteeringPage() {
  const t = useSteeringT();
  const { teamId = '', view: raw = 'plan' } = useParams();
  const view: ViewName = (VIEWS as readonly string[]).includes(raw) ? (raw as ViewName) : 'plan';
  const team = useTeam(teamId);
  const members = useMembers(teamId);
  const me = useMe();
  if (team.isPending || members.isPending || me.isPending) return <Loading />;
  if (team.isError) return <ErrorAlert error={team.error} />;
  const people = (members.data ?? []).map((m) => ({ userId: m.userId, displayName: m.displayName }));
  const names = new Map(people.map((p) => [p.userId, p.displayName]));
  const ctx: Ctx = {
    team: team.data,
    me: me.data?.id ?? '',
    people,
    managers: new Set((members.data ?? []).filter((m) => m.role === 'manager').map((m) => m.userId)),
    nameOf: (id) => (id ? (names.get(id) ?? '?') : '?'),
    mayFacilitate: team.data.isOrgAdmin || team.data.myRole === 'manager' || team.data.myRole === 'facilitator',
  };
  return (
    <div className="container--wide steering-page">
      <Page
        title={`${t('title')}: ${t(`nav.${view}`)}`}
        lead={
          <p className="lead">
            <Link to={`/teams/${teamId}`}>{team.data.name}</Link> · {t('intro')}
          </p>
        }
      >
        <nav aria-label={t('nav.label')} className="steering-nav">
          <ul>
            {VIEWS.map((v) => (
              <li key={v}>
                <NavLink to={`/teams/${teamId}/steering/${v}`}>{t(`nav.${v}`)}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        {view === 'plan' && <PlanView ctx={ctx} />}
        {view === 'risks' && <RiskLogView ctx={ctx} />}
        {view === 'escalations' && <EscalationsView ctx={ctx} />}
        {view === 'feedback' && <FeedbackView ctx={ctx} />}
        {view === 'settings' && <SettingsView ctx={ctx} />}
      </Page>
    </div>
  );
}

/** The plan of any day, past or coming: add ahead, assign, mark absence. */
function PlanView({ ctx }: { ctx: Ctx }) {
  const t = useSteeringT();
  const id = useId();
  const [day, setDay] = useState(todayIn());
  const plan = useDayPlan(ctx.team.id, day);
  const add = useAddPlanItem(ctx.team.id);
  const update = useUpdatePlanItem(ctx.team.id);
  const remove = useDeletePlanItem(ctx.team.id);
  const absence = useSetAbsence(ctx.team.id);
  const [title, setTitle] = useState('');
  const [time, setTime] = useState('');
  const [place, setPlace] = useState('');
  const [who, setWho] = useState<string[]>([]);
  const absences = plan.data?.absences ?? [];
  const items = plan.data?.items ?? [];
  const unassigned = ctx.people.filter(
    (p) => !absences.includes(p.userId) && !items.some((i) => i.assigneeIds.includes(p.userId)),
  );
  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('day.planFor', { date: formatDay(day) })}</h2>
      <div className="inline-form day-picker">
        <button type="button" className="secondary small" onClick={() => setDay(addDays(day, -1))}>
          {t('day.previous')}
        </button>
        <div className="field field--narrow">
          <label htmlFor={`${id}-day`}>{t('day.label')}</label>
          <input id={`${id}-day`} type="date" value={day} onChange={(e) => e.target.value && setDay(e.target.value)} />
        </div>
        <button type="button" className="secondary small" onClick={() => setDay(addDays(day, 1))}>
          {t('day.next')}
        </button>
        <button type="button" className="secondary small" onClick={() => setDay(todayIn())}>
          {t('day.today')}
        </button>
      </div>
      <ErrorAlert error={plan.error ?? add.error ?? update.error ?? remove.error ?? absence.error} />
      {plan.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <p className="muted">{t('plan.none')}</p>
      ) : (
        <ul className="item-list" aria-label={t('plan.list')}>
          {items.map((item) => (
            <li key={item.id} className={`item plan-item plan-item--${item.status}`}>
              <div className="item-body">
                <p className="item-text">{item.title}</p>
                <p className="item-meta">
                  {[item.time, item.place].filter(Boolean).join(' · ')} {item.time || item.place ? '· ' : ''}
                  <span className="muted">
                    {item.assigneeIds.length ? namesList(item.assigneeIds, ctx.nameOf) : t('plan.nobody')}
                  </span>
                  <span className="muted"> · {t(`plan.status.${item.status}`)}</span>
                  {item.carryReason && (
                    <span className="muted"> · {t('plan.reason', { reason: item.carryReason })}</span>
                  )}
                </p>
              </div>
              <div className="button-row assign" role="group" aria-label={t('plan.people')}>
                {ctx.people.map((p) => {
                  const on = item.assigneeIds.includes(p.userId);
                  return (
                    <button
                      key={p.userId}
                      type="button"
                      className={on ? 'small' : 'secondary small'}
                      aria-pressed={on}
                      aria-label={t('plan.assign', { name: p.displayName, title: item.title })}
                      onClick={() =>
                        update.mutate({
                          id: item.id,
                          body: {
                            assigneeIds: on
                              ? item.assigneeIds.filter((u) => u !== p.userId)
                              : [...item.assigneeIds, p.userId],
                          },
                        })
                      }
                    >
                      {p.displayName}
                    </button>
                  );
                })}
                {(item.authorId === ctx.me || ctx.mayFacilitate) && (
                  <button
                    type="button"
                    className="secondary small"
                    aria-label={t('plan.deleteNamed', { title: item.title })}
                    onClick={() => remove.mutate(item.id)}
                  >
                    {t('plan.delete')}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <p className={unassigned.length ? 'notice' : 'muted'}>
        {unassigned.length
          ? t('plan.unassigned', {
              names: namesList(
                unassigned.map((p) => p.userId),
                ctx.nameOf,
              ),
            })
          : t('plan.allAssigned')}
      </p>
      <form
        className="stack plan-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!title.trim()) return;
          add.mutate(
            {
              day,
              title: title.trim(),
              ...(time.trim() ? { time: time.trim() } : {}),
              ...(place.trim() ? { place: place.trim() } : {}),
              ...(who.length ? { assigneeIds: who } : {}),
            },
            { onSuccess: () => (setTitle(''), setTime(''), setPlace(''), setWho([])) },
          );
        }}
      >
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-w`}>{t('plan.what')}</label>
            <input
              id={`${id}-w`}
              type="text"
              value={title}
              maxLength={STEERING_LIMITS.planTitle}
              onChange={(e) => setTitle(e.target.value)}
            />
          </div>
          <div className="field field--narrow">
            <label htmlFor={`${id}-t`}>{t('plan.when')}</label>
            <input
              id={`${id}-t`}
              type="text"
              value={time}
              maxLength={STEERING_LIMITS.planTime}
              onChange={(e) => setTime(e.target.value)}
            />
          </div>
          <div className="field field--narrow">
            <label htmlFor={`${id}-p`}>{t('plan.where')}</label>
            <input
              id={`${id}-p`}
              type="text"
              value={place}
              maxLength={STEERING_LIMITS.planPlace}
              onChange={(e) => setPlace(e.target.value)}
            />
          </div>
        </div>
        <PeopleChecklist legend={t('plan.people')} people={ctx.people} chosen={who} onChange={setWho} />
        <div className="button-row">
          <button type="submit" disabled={!title.trim() || add.isPending}>
            {t('plan.addAhead', { date: formatDay(day) })}
          </button>
        </div>
      </form>
      <h3 id={`${id}-abs`}>{t('plan.absentHeading')}</h3>
      <div className="button-row" role="group" aria-labelledby={`${id}-abs`}>
        {ctx.people.map((p) => {
          const absent = absences.includes(p.userId);
          return (
            <button
              key={p.userId}
              type="button"
              className={absent ? 'small' : 'secondary small'}
              aria-pressed={absent}
              disabled={p.userId !== ctx.me && !ctx.mayFacilitate}
              onClick={() => absence.mutate({ day, userId: p.userId, absent: !absent })}
            >
              {t('plan.absentToggle', { name: p.displayName })}
            </button>
          );
        })}
      </div>
    </section>
  );
}

/** The risk log: filters (status, severity, type, owner, age), sorting, CSV export; new risks; status changes. */
function RiskLogView({ ctx }: { ctx: Ctx }) {
  const t = useSteeringT();
  const id = useId();
  const [q, setQ] = useState<RiskLogQuery>({ status: 'unresolved', sort: 'created', order: 'desc' });
  const risks = useRiskLog(ctx.team.id, q);
  const escalations = useEscalations(ctx.team.id, 'all');
  const settings = useSteeringSettings(ctx.team.id);
  const add = useAddRisk(ctx.team.id);
  const update = useUpdateRisk(ctx.team.id);
  const escalate = useEscalate(ctx.team.id);
  const reply = useReplyToEscalation(ctx.team.id);
  const close = useCloseEscalation(ctx.team.id);
  const set = (patch: Partial<RiskLogQuery>) => setQ((old) => ({ ...old, ...patch }));
  const list = risks.data ?? [];
  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('riskLog.heading')}</h2>
      <ErrorAlert error={risks.error ?? add.error ?? update.error ?? escalate.error ?? reply.error ?? close.error} />
      <fieldset className="risk-filters">
        <legend>{t('riskLog.filters')}</legend>
        <div className="field-row">
          <div className="field field--narrow">
            <label htmlFor={`${id}-st`}>{t('riskLog.status')}</label>
            <select
              id={`${id}-st`}
              value={String(q.status)}
              onChange={(e) => set({ status: e.target.value as RiskLogQuery['status'] })}
            >
              <option value="unresolved">{t('riskLog.unresolved')}</option>
              <option value="open">{t('risks.statuses.open')}</option>
              <option value="in-progress">{t('risks.statuses.in-progress')}</option>
              <option value="resolved">{t('risks.statuses.resolved')}</option>
              <option value="all">{t('riskLog.all')}</option>
            </select>
          </div>
          <div className="field field--narrow">
            <label htmlFor={`${id}-sv`}>{t('risks.severity')}</label>
            <select
              id={`${id}-sv`}
              value={q.severity ?? ''}
              onChange={(e) => set({ severity: (e.target.value || undefined) as RiskLogQuery['severity'] })}
            >
              <option value="">{t('riskLog.anySeverity')}</option>
              {RISK_SEVERITIES.map((s) => (
                <option key={s} value={s}>
                  {t(`risks.severities.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field field--narrow">
            <label htmlFor={`${id}-ty`}>{t('risks.type')}</label>
            <select
              id={`${id}-ty`}
              value={q.type ?? ''}
              onChange={(e) => set({ type: (e.target.value || undefined) as RiskLogQuery['type'] })}
            >
              <option value="">{t('riskLog.anyType')}</option>
              <option value="risk">{t('risks.typeShort.risk')}</option>
              <option value="disturbance">{t('risks.typeShort.disturbance')}</option>
            </select>
          </div>
          <OwnerField
            className="field field--narrow"
            label={t('risks.owner')}
            noneLabel={t('riskLog.anyOwner')}
            people={ctx.people}
            value={q.ownerId ?? ''}
            onChange={(ownerId) => set({ ownerId: ownerId || undefined })}
          />
          <div className="field field--narrow">
            <label htmlFor={`${id}-age`}>{t('riskLog.minAge')}</label>
            <input
              id={`${id}-age`}
              type="number"
              min={0}
              inputMode="numeric"
              value={q.minAgeDays === undefined ? '' : String(q.minAgeDays)}
              onChange={(e) =>
                set({ minAgeDays: e.target.value === '' ? undefined : Math.max(0, Number(e.target.value)) })
              }
            />
          </div>
          <div className="field field--narrow">
            <label htmlFor={`${id}-so`}>{t('riskLog.sort')}</label>
            <select
              id={`${id}-so`}
              value={q.sort}
              onChange={(e) => set({ sort: e.target.value as RiskLogQuery['sort'] })}
            >
              {RISK_SORTS.map((s) => (
                <option key={s} value={s}>
                  {t(`riskLog.sorts.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field field--narrow">
            <label htmlFor={`${id}-or`}>{t('riskLog.order')}</label>
            <select id={`${id}-or`} value={q.order} onChange={(e) => set({ order: e.target.value as 'asc' | 'desc' })}>
              <option value="desc">{t('riskLog.desc')}</option>
              <option value="asc">{t('riskLog.asc')}</option>
            </select>
          </div>
        </div>
      </fieldset>
      <p>
        <Status>{risks.data ? t('riskLog.count', { count: list.length }) : null}</Status>
        <a className="button secondary" href={riskCsvUrl(ctx.team.id, q)} download>
          {t('riskLog.csv')}
        </a>
      </p>
      {risks.isPending ? (
        <Loading />
      ) : list.length === 0 ? (
        <p className="muted">{t('risks.none')}</p>
      ) : (
        <ul className="item-list" aria-label={t('riskLog.heading')}>
          {list.map((r) => (
            <RiskCard
              key={`${r.id}:${r.learning}`}
              risk={r}
              escalations={(escalations.data ?? []).filter((e) => e.riskId === r.id)}
              nameOf={ctx.nameOf}
              managers={ctx.managers}
              actions={{
                onStatus: (status) => update.mutate({ id: r.id, body: { status } }),
                onLearning: (learning) => update.mutate({ id: r.id, body: { learning } }),
                onEscalate: (note) => escalate.mutate({ riskId: r.id, ...(note ? { note } : {}) }),
                onReply: (escalationId, text) => reply.mutate({ id: escalationId, text }),
                onClose: (escalationId) => close.mutate(escalationId),
                mayClose: (e) => ctx.managers.has(ctx.me) || ctx.team.isOrgAdmin || e.escalatedById === ctx.me,
              }}
            />
          ))}
        </ul>
      )}
      <RiskForm
        people={ctx.people}
        categories={settings.data?.riskCategories ?? []}
        disabled={add.isPending}
        onSubmit={(body) => add.mutate(body)}
      />
    </section>
  );
}

/** Escalations: open ones oldest first with their age, for the team and the manager alike. */
function EscalationsView({ ctx }: { ctx: Ctx }) {
  const t = useSteeringT();
  const id = useId();
  const [status, setStatus] = useState<'open' | 'closed'>('open');
  const list = useEscalations(ctx.team.id, status);
  const reply = useReplyToEscalation(ctx.team.id);
  const close = useCloseEscalation(ctx.team.id);
  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('escalation.heading')}</h2>
      <div className="button-row">
        <button
          type="button"
          className="secondary small"
          aria-pressed={status === 'open'}
          onClick={() => setStatus('open')}
        >
          {t('escalation.showOpen')}
        </button>
        <button
          type="button"
          className="secondary small"
          aria-pressed={status === 'closed'}
          onClick={() => setStatus('closed')}
        >
          {t('escalation.showClosed')}
        </button>
      </div>
      <ErrorAlert error={list.error ?? reply.error ?? close.error} />
      {list.isPending ? (
        <Loading />
      ) : (list.data ?? []).length === 0 ? (
        <p className="muted">{t('escalation.none')}</p>
      ) : (
        <ul className="item-list" aria-label={t('escalation.heading')}>
          {(list.data ?? []).map((e) => (
            <li key={e.id} className="item">
              <p className="item-text">
                <span className="badge">{t(`risks.typeShort.${e.riskType}`)}</span> {e.riskDescription}
              </p>
              <EscalationThread
                escalation={e}
                nameOf={ctx.nameOf}
                managers={ctx.managers}
                actions={{
                  onReply: (escalationId, text) => reply.mutate({ id: escalationId, text }),
                  onClose: (escalationId) => close.mutate(escalationId),
                  mayClose: (x) => ctx.managers.has(ctx.me) || ctx.team.isOrgAdmin || x.escalatedById === ctx.me,
                }}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Feedback any time: give, the team's wall with reactions, and my feedback (received and given). */
function FeedbackView({ ctx }: { ctx: Ctx }) {
  const t = useSteeringT();
  const id = useId();
  const settings = useSteeringSettings(ctx.team.id);
  const wall = useFeedbackWall(ctx.team.id);
  const mine = useMyFeedback(ctx.team.id);
  const give = useGiveFeedback(ctx.team.id);
  const react = useReact(ctx.team.id);
  const member = ctx.team.myRole !== null;
  return (
    <>
      <section className="card" aria-labelledby={`${id}-give`}>
        <h2 id={`${id}-give`}>{t('feedback.heading')}</h2>
        <ErrorAlert error={give.error ?? react.error} />
        <Status>{give.isSuccess ? t('feedback.sent') : null}</Status>
        {member && (
          <FeedbackForm
            colleagues={ctx.people.filter((p) => p.userId !== ctx.me)}
            valueTags={settings.data?.valueTags ?? []}
            disabled={give.isPending}
            onSubmit={(body) => give.mutate(body)}
          />
        )}
      </section>
      <section className="card" aria-labelledby={`${id}-wall`}>
        <h2 id={`${id}-wall`}>{t('feedback.wall')}</h2>
        <ErrorAlert error={wall.error} />
        {wall.isPending ? (
          <Loading />
        ) : (wall.data ?? []).length === 0 ? (
          <p className="muted">{t('feedback.wallEmpty')}</p>
        ) : (
          <ul className="item-list" aria-labelledby={`${id}-wall`}>
            {(wall.data ?? []).map((f) => (
              <FeedbackCard
                key={f.id}
                feedback={f}
                me={ctx.me}
                nameOf={ctx.nameOf}
                onReact={member ? (reaction, on) => react.mutate({ id: f.id, reaction, on }) : undefined}
              />
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby={`${id}-mine`}>
        <h2 id={`${id}-mine`}>{t('feedback.mine')}</h2>
        <h3 id={`${id}-rec`}>{t('feedback.received')}</h3>
        {(mine.data?.received ?? []).length === 0 ? (
          <p className="muted">{t('feedback.noneYet')}</p>
        ) : (
          <ul className="item-list" aria-labelledby={`${id}-rec`}>
            {(mine.data?.received ?? []).map((f) => (
              <FeedbackCard
                key={f.id}
                feedback={f}
                me={ctx.me}
                nameOf={ctx.nameOf}
                onReact={(reaction, on) => react.mutate({ id: f.id, reaction, on })}
              />
            ))}
          </ul>
        )}
        <h3 id={`${id}-giv`}>{t('feedback.given')}</h3>
        {(mine.data?.given ?? []).length === 0 ? (
          <p className="muted">{t('feedback.noneYet')}</p>
        ) : (
          <ul className="item-list" aria-labelledby={`${id}-giv`}>
            {(mine.data?.given ?? []).map((f) => (
              <FeedbackCard key={f.id} feedback={f} me={ctx.me} nameOf={ctx.nameOf} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

/** The team's values and risk categories, and the ready-made forums on or off. */
function SettingsView({ ctx }: { ctx: Ctx }) {
  const t = useSteeringT();
  const id = useId();
  const settings = useSteeringSettings(ctx.team.id);
  const update = useUpdateSteeringSettings(ctx.team.id);
  if (settings.isPending) return <Loading />;
  if (!settings.data) return <ErrorAlert error={settings.error} />;
  const s = settings.data;
  const lines = (v: FormDataEntryValue | null) =>
    String(v ?? '')
      .split('\n')
      .map((x) => x.trim())
      .filter(Boolean);
  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('settings.heading')}</h2>
      <ErrorAlert error={update.error} />
      <Status>{update.isSuccess ? t('settings.saved') : null}</Status>
      {!ctx.mayFacilitate && <p className="muted">{t('settings.onlyFacilitators')}</p>}
      <form
        key={`${s.valueTags.join('|')}:${s.riskCategories.join('|')}:${s.morningForumId}:${s.afternoonForumId}`}
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          update.mutate({
            valueTags: [...new Set(lines(data.get('valueTags')))],
            riskCategories: [...new Set(lines(data.get('riskCategories')))],
            morningForum: data.get('morning') === 'on',
            afternoonForum: data.get('afternoon') === 'on',
          });
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-v`}>{t('settings.valueTags')}</label>
          <textarea
            id={`${id}-v`}
            name="valueTags"
            rows={4}
            defaultValue={s.valueTags.join('\n')}
            disabled={!ctx.mayFacilitate}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-c`}>{t('settings.riskCategories')}</label>
          <textarea
            id={`${id}-c`}
            name="riskCategories"
            rows={6}
            defaultValue={s.riskCategories.join('\n')}
            disabled={!ctx.mayFacilitate}
          />
        </div>
        <label className="choice">
          <input
            type="checkbox"
            name="morning"
            defaultChecked={s.morningForumId !== null}
            disabled={!ctx.mayFacilitate}
          />
          {t('settings.morningForum')}
        </label>
        <label className="choice">
          <input
            type="checkbox"
            name="afternoon"
            defaultChecked={s.afternoonForumId !== null}
            disabled={!ctx.mayFacilitate}
          />
          {t('settings.afternoonForum')}
        </label>
        {ctx.mayFacilitate && (
          <div className="button-row">
            <button type="submit" disabled={update.isPending}>
              {t('settings.save')}
            </button>
          </div>
        )}
      </form>
    </section>
  );
}
