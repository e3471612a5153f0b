import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ErrorCode, type Locale, locale as LocaleSchema, type MinutesDto } from '@tillit/protocol';
import type { Response } from 'express';
import { type AuthContext, CurrentAuth } from '../../auth/auth.decorators.js';
import { AppError } from '../../common/app-error.js';
import { uuidParam } from '../../common/zod.js';
import { MeetingsService } from '../../meetings/meetings.service.js';
import { UsersService } from '../../users/users.service.js';
import { minutesDocument, toMarkdown } from './minutes-document.js';
import { toPdf } from './minutes-pdf.js';

/** An ended meeting's minutes as Markdown or PDF, in the reader's language (or `?lang=sv|en`). */
@ApiTags('meetings')
@Controller('meetings/:meetingId')
export class MinutesExportController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly users: UsersService,
  ) {}

  private async document(userId: string, meetingId: string, lang: unknown) {
    // The same access check as reading the meeting: another team or organisation gets 404.
    const s = await this.meetings.snapshot(userId, meetingId);
    if (s.meeting.state !== 'ended' || !s.minutes)
      throw new AppError(ErrorCode.Conflict, 'The meeting has not ended: there are no minutes yet');
    const minutes: MinutesDto = s.minutes;
    const names = new Map(s.participants.map((p) => [p.userId, p.displayName]));
    // People who have left the team since still have their names in the minutes.
    const ids = new Set<string>();
    const st = minutes.steering;
    for (const i of st?.plan ?? []) i.assigneeIds.forEach((u) => ids.add(u));
    for (const r of [...(st?.risksRaised ?? []), ...(st?.risksUpdated ?? [])]) if (r.ownerId) ids.add(r.ownerId);
    for (const e of st?.escalations ?? []) e.messages.forEach((x) => x.authorId && ids.add(x.authorId));
    const missing = [...ids].filter((u) => !names.has(u));
    if (missing.length) for (const [id, name] of await this.users.displayNames(missing)) names.set(id, name);
    const parsed = LocaleSchema.safeParse(lang);
    const locale: Locale = parsed.success ? parsed.data : await this.users.locale(userId);
    return { s, blocks: minutesDocument(s, minutes, locale, names) };
  }

  private static filename(title: string, ext: string): string {
    const base =
      title
        .normalize('NFKD')
        .replace(/[^\w-]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 60) || 'minutes';
    return `${base}.${ext}`;
  }

  @Get('minutes.md')
  async markdown(
    @CurrentAuth() auth: AuthContext,
    @Param('meetingId', uuidParam) meetingId: string,
    @Query('lang') lang: unknown,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const { s, blocks } = await this.document(auth.userId, meetingId, lang);
    res.setHeader('content-type', 'text/markdown; charset=utf-8');
    res.setHeader(
      'content-disposition',
      `attachment; filename="${MinutesExportController.filename(s.meeting.title, 'md')}"`,
    );
    return toMarkdown(blocks);
  }

  @Get('minutes.pdf')
  async pdf(
    @CurrentAuth() auth: AuthContext,
    @Param('meetingId', uuidParam) meetingId: string,
    @Query('lang') lang: unknown,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { s, blocks } = await this.document(auth.userId, meetingId, lang);
    const pdf = await toPdf(blocks, s.meeting.title);
    res.setHeader(
      'content-disposition',
      `attachment; filename="${MinutesExportController.filename(s.meeting.title, 'pdf')}"`,
    );
    return new StreamableFile(pdf, { type: 'application/pdf' });
  }
}
