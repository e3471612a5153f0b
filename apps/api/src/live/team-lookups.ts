/** Ids in a command are looked up within the meeting's team, never trusted. */
import { ErrorCode } from '@tillit/protocol';
import type { EntityManager } from 'typeorm';
import { AppError } from '../common/app-error.js';
import { Item } from '../items/item.entity.js';
import { TeamMember } from '../teams/team.entity.js';

/** An item of the meeting's team; any other id is "not found", whether it exists elsewhere or not. */
export async function teamItem(m: EntityManager, teamId: string, itemId: string): Promise<Item> {
  const item = await m.findOneBy(Item, { id: itemId, teamId });
  if (!item) throw new AppError(ErrorCode.NotFound, 'No such item');
  return item;
}

export async function assertTeamMember(m: EntityManager, teamId: string, userId: string, field: string): Promise<void> {
  if (!(await m.existsBy(TeamMember, { teamId, userId }))) {
    throw new AppError(ErrorCode.ValidationFailed, 'Not a member of the team', {
      issues: [{ path: field, message: 'not a member of the team' }],
    });
  }
}

/** Items come back from the database after a change, so the event carries exactly what is stored. */
export const reloadItem = (m: EntityManager, id: string) => m.findOneByOrFail(Item, { id });
