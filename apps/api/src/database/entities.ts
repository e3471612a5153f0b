import { Forum } from '../forums/forum.entity.js';
import { BreakoutNotes, EthicsTheme, EthicsThemeUse } from '../ethics/ethics.entities.js';
import { KasamBallot, KasamResult } from '../kasam/kasam.entities.js';
import { Item } from '../items/item.entity.js';
import { Meeting, MeetingEvent, MeetingPhase } from '../meetings/meeting.entity.js';
import { Session } from '../auth/session.entity.js';
import { SignInFailure } from '../auth/sign-in-attempt.entity.js';
import { Invite } from '../invites/invite.entity.js';
import { Organization, OrganizationMember } from '../organizations/organization.entity.js';
import { Team, TeamMember } from '../teams/team.entity.js';
import { User } from '../users/user.entity.js';
import { STEERING_ENTITIES } from '../steering/steering.entities.js';
import { IMPROVEMENT_ENTITIES } from '../improvement/improvement.entities.js';

/** Every entity, in one list, so the app, the migration generator and the drift check see the same model. */
export const ENTITIES = [User, Session, SignInFailure, Organization, OrganizationMember, Team, TeamMember, Invite,
  Forum, Meeting, MeetingPhase, MeetingEvent, Item,
  EthicsTheme, EthicsThemeUse, BreakoutNotes, KasamBallot, KasamResult, ...STEERING_ENTITIES, ...IMPROVEMENT_ENTITIES];
