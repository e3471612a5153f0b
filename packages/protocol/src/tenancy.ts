import { z } from 'zod';
import { name } from './common.js';

export const TEAM_ROLES = ['manager', 'facilitator', 'member'] as const;
export const TeamRole = z.enum(TEAM_ROLES);
export type TeamRole = z.infer<typeof TeamRole>;
export const ORG_ROLES = ['admin', 'member'] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

export const CreateOrganizationBody = z.strictObject({ name: name(120) });
export type CreateOrganizationBody = z.infer<typeof CreateOrganizationBody>;
export const RenameOrganizationBody = CreateOrganizationBody;
export type RenameOrganizationBody = CreateOrganizationBody;

export const CreateTeamBody = z.strictObject({ name: name(120) });
export type CreateTeamBody = z.infer<typeof CreateTeamBody>;
export const RenameTeamBody = CreateTeamBody;
export type RenameTeamBody = CreateTeamBody;

export const ChangeRoleBody = z.strictObject({ role: TeamRole });
export type ChangeRoleBody = z.infer<typeof ChangeRoleBody>;

export const CreateInviteBody = z.strictObject({
  role: TeamRole.default('member'),
  /** Hours until the link stops working: 1 hour to 30 days. */
  expiresInHours: z
    .int()
    .min(1)
    .max(24 * 30)
    .default(24 * 7),
  /** 1 = single use; null = any number of uses until it expires. */
  maxUses: z.int().min(1).max(1000).nullable().default(1),
});
export type CreateInviteBody = z.input<typeof CreateInviteBody>;

export interface OrganizationDto {
  id: string;
  name: string;
  myRole: OrgRole;
}

export interface TeamDto {
  id: string;
  organizationId: string;
  organizationName: string;
  name: string;
  /** The caller's role in this team; null when the caller is an organisation admin without a membership. */
  myRole: TeamRole | null;
  isOrgAdmin: boolean;
}

export interface OrganizationDetailDto extends OrganizationDto {
  teams: TeamDto[];
}

export interface MemberDto {
  userId: string;
  displayName: string;
  email: string;
  role: TeamRole;
  joinedAt: string;
}

export interface InviteDto {
  id: string;
  teamId: string;
  role: TeamRole;
  expiresAt: string;
  maxUses: number | null;
  uses: number;
  revoked: boolean;
  createdAt: string;
  /** Only present in the answer that created the invite: the token is never stored in clear. */
  token?: string;
}

export interface InvitePreviewDto {
  organizationName: string;
  teamName: string;
  role: TeamRole;
  expiresAt: string;
}

export interface AcceptInviteResultDto {
  teamId: string;
  organizationId: string;
}
