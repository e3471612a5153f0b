import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  AddPointBody,
  CreateCycleBody,
  CreateIdeaBody,
  CreateMeasureBody,
  type CycleDto,
  FieldKey,
  type FieldVersionDto,
  type IdeaDto,
  type ImprovementBoardDto,
  type MeasureDto,
  SaveFieldBody,
  type SaveFieldResultDto,
  UpdateCycleBody,
  UpdateIdeaBody,
  UpdateMeasureBody,
} from '@tillit/protocol';
import type { Response } from 'express';
import { z } from 'zod';
import { type AuthContext, CurrentAuth } from '../auth/auth.decorators.js';
import { notFound } from '../common/app-error.js';
import { ApiZodBody, uuidParam, zodBody } from '../common/zod.js';
import { measureChart, reportMarkdown, reportPdf } from './improvement.export.js';
import { ImprovementService } from './improvement.service.js';
import { TeamChanges } from '../live/team-changed.js';

const keyParam = {
  transform: (value: string) => {
    if (!FieldKey.safeParse(value).success) throw notFound();
    return value;
  },
};
const Lang = z.enum(['sv', 'en']).catch('sv');
const slug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .toLowerCase()
    .slice(0, 60) || 'pdsa';

/** The team's improvement board between meetings. Any member reads and writes (see the service). */
@ApiTags('improvement')
// Successful writes tell the team's live meetings to refetch (`team:changed`).
@TeamChanges('improvement')
@Controller('teams/:teamId/improvement')
export class ImprovementController {
  constructor(private readonly improvement: ImprovementService) {}

  @Get()
  board(@CurrentAuth() auth: AuthContext, @Param('teamId', uuidParam) teamId: string): Promise<ImprovementBoardDto> {
    return this.improvement.board(auth.userId, teamId);
  }

  @Post('ideas')
  @ApiZodBody(CreateIdeaBody)
  createIdea(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId', uuidParam) teamId: string,
    @Body(zodBody(CreateIdeaBody)) body: z.output<typeof CreateIdeaBody>,
  ): Promise<IdeaDto> {
    return this.improvement.createIdea(auth.userId, teamId, body);
  }

  @Patch('ideas/:ideaId')
  @ApiZodBody(UpdateIdeaBody)
  updateIdea(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId', uuidParam) teamId: string,
    @Param('ideaId', uuidParam) ideaId: string,
    @Body(zodBody(UpdateIdeaBody)) body: z.output<typeof UpdateIdeaBody>,
  ): Promise<IdeaDto> {
    return this.improvement.updateIdea(auth.userId, teamId, ideaId, body);
  }

  @Post('ideas/:ideaId/cycles')
  @ApiZodBody(CreateCycleBody)
  addCycle(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId', uuidParam) teamId: string,
    @Param('ideaId', uuidParam) ideaId: string,
    @Body(zodBody(CreateCycleBody)) body: z.output<typeof CreateCycleBody>,
  ): Promise<CycleDto> {
    return this.improvement.addCycle(auth.userId, teamId, ideaId, body);
  }

  @Patch('cycles/:cycleId')
  @ApiZodBody(UpdateCycleBody)
  updateCycle(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId', uuidParam) teamId: string,
    @Param('cycleId', uuidParam) cycleId: string,
    @Body(zodBody(UpdateCycleBody)) body: z.output<typeof UpdateCycleBody>,
  ): Promise<CycleDto> {
    return this.improvement.updateCycle(auth.userId, teamId, cycleId, body);
  }

  /** Saves a co-edited field written from `baseRev`; a stale save is kept as a conflict, never lost. */
  @Put('fields/:key')
  @ApiZodBody(SaveFieldBody)
  saveField(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId', uuidParam) teamId: string,
    @Param('key', keyParam) key: string,
    @Body(zodBody(SaveFieldBody)) body: z.output<typeof SaveFieldBody>,
  ): Promise<SaveFieldResultDto> {
    return this.improvement.saveField(auth.userId, teamId, key, body);
  }

  @Get('fields/:key/history')
  history(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId', uuidParam) teamId: string,
    @Param('key', keyParam) key: string,
  ): Promise<FieldVersionDto[]> {
    return this.improvement.history(auth.userId, teamId, key);
  }

  @Post('conflicts/:conflictId/dismiss')
  @HttpCode(204)
  dismiss(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId', uuidParam) teamId: string,
    @Param('conflictId', uuidParam) conflictId: string,
  ): Promise<void> {
    return this.improvement.dismissConflict(auth.userId, teamId, conflictId);
  }

  @Post('ideas/:ideaId/measures')
  @ApiZodBody(CreateMeasureBody)
  createMeasure(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId', uuidParam) teamId: string,
    @Param('ideaId', uuidParam) ideaId: string,
    @Body(zodBody(CreateMeasureBody)) body: z.output<typeof CreateMeasureBody>,
  ): Promise<MeasureDto> {
    return this.improvement.createMeasure(auth.userId, teamId, ideaId, body);
  }

  @Patch('measures/:measureId')
  @ApiZodBody(UpdateMeasureBody)
  updateMeasure(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId', uuidParam) teamId: string,
    @Param('measureId', uuidParam) measureId: string,
    @Body(zodBody(UpdateMeasureBody)) body: z.output<typeof UpdateMeasureBody>,
  ): Promise<MeasureDto> {
    return this.improvement.updateMeasure(auth.userId, teamId, measureId, body);
  }

  @Post('measures/:measureId/points')
  @ApiZodBody(AddPointBody)
  addPoint(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId', uuidParam) teamId: string,
    @Param('measureId', uuidParam) measureId: string,
    @Body(zodBody(AddPointBody)) body: z.output<typeof AddPointBody>,
  ): Promise<MeasureDto> {
    return this.improvement.addPoint(auth.userId, teamId, measureId, body);
  }

  @Delete('points/:pointId')
  deletePoint(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId', uuidParam) teamId: string,
    @Param('pointId', uuidParam) pointId: string,
  ): Promise<MeasureDto> {
    return this.improvement.deletePoint(auth.userId, teamId, pointId);
  }

  /** The run chart of a measure as SVG (the same image the reports embed). */
  @Get('measures/:measureId/chart.svg')
  async chart(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId', uuidParam) teamId: string,
    @Param('measureId', uuidParam) measureId: string,
    @Query('lang') lang: unknown,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const state = await this.improvement.board(auth.userId, teamId);
    const measure = state.measures.find((m) => m.id === measureId);
    if (!measure) throw notFound('No such measure');
    const cycles = state.cycles.filter((c) => c.ideaId === measure.ideaId);
    res.setHeader('content-type', 'image/svg+xml; charset=utf-8');
    return measureChart(measure, cycles, Lang.parse(lang)).svg;
  }

  @Get('ideas/:ideaId/report.md')
  async markdown(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId', uuidParam) teamId: string,
    @Param('ideaId', uuidParam) ideaId: string,
    @Query('lang') lang: unknown,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const input = await this.reportInput(auth.userId, teamId, ideaId, Lang.parse(lang));
    res.setHeader('content-type', 'text/markdown; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="pdsa-${slug(input.idea.title)}.md"`);
    return reportMarkdown(input);
  }

  @Get('ideas/:ideaId/report.pdf')
  async pdf(
    @CurrentAuth() auth: AuthContext,
    @Param('teamId', uuidParam) teamId: string,
    @Param('ideaId', uuidParam) ideaId: string,
    @Query('lang') lang: unknown,
  ): Promise<StreamableFile> {
    const input = await this.reportInput(auth.userId, teamId, ideaId, Lang.parse(lang));
    const pdf = await reportPdf(input);
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `attachment; filename="pdsa-${slug(input.idea.title)}.pdf"`,
      length: pdf.length,
    });
  }

  private async reportInput(userId: string, teamId: string, ideaId: string, lang: 'sv' | 'en') {
    const { state, names } = await this.improvement.ideaReport(userId, teamId, ideaId);
    return { idea: state.ideas[0]!, state, names, lang, now: new Date() };
  }
}
