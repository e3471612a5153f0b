/**
 * Improvement work between meetings (REST): the board, ideas, cycles, fields, measures, data points.
 * Every call: access from the database (TeamAccessService: another organisation → 404), one transaction,
 * the shared domain changes (improvement.changes.ts). Any member may do this (co-leadership); removing
 * someone else's data point or dismissing someone else's conflict takes a facilitator or manager.
 */
import { Injectable } from '@nestjs/common';
import type {
  AddPointBody,
  CreateCycleBody,
  CreateIdeaBody,
  CreateMeasureBody,
  CycleDto,
  FieldVersionDto,
  IdeaDto,
  ImprovementBoardDto,
  MeasureDto,
  SaveFieldBody,
  SaveFieldResultDto,
  UpdateCycleBody,
  UpdateIdeaBody,
  UpdateMeasureBody,
} from '@tillit/protocol';
import type { z } from 'zod';
import { notFound } from '../common/app-error.js';
import { TeamAccessService } from '../access/team-access.service.js';
import { toVersionDto } from './improvement.dto.js';
import {
  addCycle,
  addPoint,
  createIdea,
  createMeasure,
  deletePoint,
  dismissConflict,
  fieldHistory,
  type OpContext,
  saveField,
  updateCycle,
  updateIdea,
  updateMeasure,
} from './improvement.changes.js';
import { ImprovementRepository, loadState, originCandidates } from './improvement.repository.js';
import { TeamsRepository } from '../teams/teams.repository.js';

type Out<T extends z.ZodType> = z.output<T>;

@Injectable()
export class ImprovementService {
  constructor(
    private readonly improvement: ImprovementRepository,
    private readonly teams: TeamsRepository,
    private readonly access: TeamAccessService,
  ) {}

  /** Runs `fn` in one transaction as a member of the team (or an organisation admin). */
  private async as<T>(userId: string, teamId: string, fn: (ctx: OpContext) => Promise<T>): Promise<T> {
    const access = await this.access.require(userId, teamId, 'member');
    const isFacilitator = access.isOrgAdmin || access.role === 'manager' || access.role === 'facilitator';
    return this.improvement.transaction((m) =>
      fn({ m, teamId, actorId: userId, isFacilitator, now: new Date(), meetingId: null }),
    );
  }

  async board(userId: string, teamId: string): Promise<ImprovementBoardDto> {
    await this.access.require(userId, teamId, 'member');
    return this.improvement.transaction(
      async (m) => ({
        ...(await loadState(m, teamId)),
        origins: await originCandidates(m, teamId),
      }),
      'REPEATABLE READ',
    );
  }

  createIdea(userId: string, teamId: string, body: Out<typeof CreateIdeaBody>): Promise<IdeaDto> {
    return this.as(userId, teamId, (ctx) => createIdea(ctx, body));
  }

  updateIdea(userId: string, teamId: string, ideaId: string, body: Out<typeof UpdateIdeaBody>): Promise<IdeaDto> {
    return this.as(userId, teamId, async (ctx) => (await updateIdea(ctx, ideaId, body)).idea);
  }

  addCycle(userId: string, teamId: string, ideaId: string, body: Out<typeof CreateCycleBody>): Promise<CycleDto> {
    return this.as(userId, teamId, (ctx) => addCycle(ctx, ideaId, body.startedOn));
  }

  async updateCycle(
    userId: string,
    teamId: string,
    cycleId: string,
    body: Out<typeof UpdateCycleBody>,
  ): Promise<CycleDto> {
    return this.as(userId, teamId, async (ctx) => (await updateCycle(ctx, cycleId, body)).cycle);
  }

  saveField(userId: string, teamId: string, key: string, body: Out<typeof SaveFieldBody>): Promise<SaveFieldResultDto> {
    // Between meetings nobody holds a lease for long: a save from the board always releases it.
    return this.as(userId, teamId, (ctx) => saveField(ctx, key, body.text, body.baseRev, true));
  }

  history(userId: string, teamId: string, key: string): Promise<FieldVersionDto[]> {
    return this.as(userId, teamId, async (ctx) => (await fieldHistory(ctx, key)).map(toVersionDto));
  }

  dismissConflict(userId: string, teamId: string, conflictId: string): Promise<void> {
    return this.as(userId, teamId, (ctx) => dismissConflict(ctx, conflictId));
  }

  createMeasure(
    userId: string,
    teamId: string,
    ideaId: string,
    body: Out<typeof CreateMeasureBody>,
  ): Promise<MeasureDto> {
    return this.as(userId, teamId, (ctx) => createMeasure(ctx, ideaId, body));
  }

  updateMeasure(
    userId: string,
    teamId: string,
    measureId: string,
    body: Out<typeof UpdateMeasureBody>,
  ): Promise<MeasureDto> {
    return this.as(userId, teamId, (ctx) => updateMeasure(ctx, measureId, body));
  }

  async addPoint(
    userId: string,
    teamId: string,
    measureId: string,
    body: Out<typeof AddPointBody>,
  ): Promise<MeasureDto> {
    return this.as(userId, teamId, async (ctx) => (await addPoint(ctx, measureId, body)).measure);
  }

  deletePoint(userId: string, teamId: string, pointId: string): Promise<MeasureDto> {
    return this.as(userId, teamId, (ctx) => deletePoint(ctx, pointId));
  }

  /** The state of one idea, for its report (404 for an unknown idea). */
  async ideaState(userId: string, teamId: string, ideaId: string) {
    await this.access.require(userId, teamId, 'member');
    return this.improvement.transaction(async (m) => {
      const state = await loadState(m, teamId, (i) => i.id === ideaId);
      if (state.ideas.length === 0) throw notFound('No such idea');
      return state;
    }, 'REPEATABLE READ');
  }

  /** What an idea's report shows: its state, and the names of the team's members. */
  async ideaReport(userId: string, teamId: string, ideaId: string) {
    const state = await this.ideaState(userId, teamId, ideaId);
    return { state, names: await this.teams.memberNames(teamId) };
  }
}
