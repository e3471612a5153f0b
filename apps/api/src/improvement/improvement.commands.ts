/**
 * The improvement meeting's live commands (part of improvement.ritual.ts; their rules and payloads are in the
 * protocol's IMPROVEMENT_COMMANDS). Each delegates to improvement.changes.ts within the command's
 * transaction and produces exactly one event.
 */
import type { CommandContext, CommandDef, CommandTable } from '../live/live.types.js';
import { event } from '../live/live.types.js';
import { savePhaseState } from '../live/phase-state.js';
import type { IMPROVEMENT_COMMANDS, LiveCommandType } from '@tillit/protocol';
import {
  addCycle,
  addPoint,
  assertIdea,
  claimField,
  createMeasure,
  deletePoint,
  dismissConflict,
  type OpContext,
  releaseField,
  saveField,
  updateCycle,
  updateIdea,
  updateMeasure,
} from './improvement.changes.js';

const op = <K extends LiveCommandType>(ctx: CommandContext<K>): OpContext => ({
  m: ctx.m,
  teamId: ctx.meeting.teamId,
  actorId: ctx.actor.userId,
  isFacilitator: ctx.actor.isFacilitator,
  now: ctx.now,
  meetingId: ctx.meeting.id,
});

export const ideaUpdate: CommandDef<'idea.update'> = {
  lockable: true,
  async handle(ctx) {
    const { ideaId, ...changes } = ctx.payload;
    const { idea, item } = await updateIdea(op(ctx), ideaId, changes);
    return { event: event('improvement.idea', { idea, item }), result: { ideaId } };
  },
};

export const cycleAdd: CommandDef<'cycle.add'> = {
  lockable: true,
  async handle(ctx) {
    const cycle = await addCycle(op(ctx), ctx.payload.ideaId, ctx.payload.startedOn);
    return { event: event('improvement.cycle', { cycle }), result: { cycleId: cycle.id } };
  },
};

export const cycleUpdate: CommandDef<'cycle.update'> = {
  lockable: true,
  async handle(ctx) {
    const { cycleId, ...changes } = ctx.payload;
    const { cycle, questionId } = await updateCycle(op(ctx), cycleId, changes);
    return { event: event('improvement.cycle', { cycle }), result: { cycleId, questionId } };
  },
};

export const fieldClaim: CommandDef<'field.claim'> = {
  lockable: true,
  async handle(ctx) {
    const field = await claimField(op(ctx), ctx.payload.key);
    return { event: event('improvement.field', { field }), result: { rev: field.rev } };
  },
};

export const fieldSave: CommandDef<'field.save'> = {
  lockable: true,
  async handle(ctx) {
    const { key, text, baseRev, release } = ctx.payload;
    const out = await saveField(op(ctx), key, text, baseRev, release ?? false);
    if (out.conflict) {
      return {
        event: event('improvement.conflict', { conflict: out.conflict, field: out.field }),
        result: { applied: false, rev: out.field.rev, conflictId: out.conflict.id },
      };
    }
    return {
      event: event('improvement.field', { field: out.field }),
      result: { applied: true, rev: out.field.rev, conflictId: null },
    };
  },
};

export const fieldRelease: CommandDef<'field.release'> = {
  async handle(ctx) {
    const field = await releaseField(op(ctx), ctx.payload.key);
    return { event: event('improvement.field', { field }), result: {} };
  },
};

export const conflictDismiss: CommandDef<'conflict.dismiss'> = {
  async handle(ctx) {
    await dismissConflict(op(ctx), ctx.payload.conflictId);
    return { event: event('improvement.conflict-dismissed', { conflictId: ctx.payload.conflictId }), result: {} };
  },
};

export const measureSave: CommandDef<'measure.save'> = {
  lockable: true,
  async handle(ctx) {
    const { ideaId, measureId, ...fields } = ctx.payload;
    const measure = measureId
      ? await updateMeasure(op(ctx), measureId, fields, ideaId)
      : await createMeasure(op(ctx), ideaId, fields);
    return { event: event('improvement.measure', { measure }), result: { measureId: measure.id } };
  },
};

export const pointAdd: CommandDef<'point.add'> = {
  lockable: true,
  async handle(ctx) {
    const { measureId, ...point } = ctx.payload;
    const { measure, pointId } = await addPoint(op(ctx), measureId, point);
    return { event: event('improvement.measure', { measure }), result: { pointId } };
  },
};

export const pointDelete: CommandDef<'point.delete'> = {
  lockable: true,
  async handle(ctx) {
    const measure = await deletePoint(op(ctx), ctx.payload.pointId);
    return { event: event('improvement.measure', { measure }), result: { pointId: ctx.payload.pointId } };
  },
};

export const pdsaFocus: CommandDef<'pdsa.focus'> = {
  phase: 'pdsa',
  async handle(ctx) {
    if (ctx.payload.ideaId) await assertIdea(op(ctx), ctx.payload.ideaId);
    await savePhaseState<'pdsa'>(ctx.m, ctx.phase, { ideaId: ctx.payload.ideaId });
    return { event: event('pdsa.focused', { phaseId: ctx.phase.id, ideaId: ctx.payload.ideaId }), result: {} };
  },
};

export type ImprovementCommandType = keyof typeof IMPROVEMENT_COMMANDS;

export const IMPROVEMENT_HANDLERS: CommandTable<ImprovementCommandType> = {
  'idea.update': ideaUpdate,
  'cycle.add': cycleAdd,
  'cycle.update': cycleUpdate,
  'field.claim': fieldClaim,
  'field.save': fieldSave,
  'field.release': fieldRelease,
  'conflict.dismiss': conflictDismiss,
  'measure.save': measureSave,
  'point.add': pointAdd,
  'point.delete': pointDelete,
  'pdsa.focus': pdsaFocus,
};
