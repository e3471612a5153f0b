import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LiveForums1795352868638 implements MigrationInterface {
  name = 'LiveForums1795352868638';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "forums" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "team_id" uuid NOT NULL, "kind" text NOT NULL, "name" text NOT NULL, "schedule" text, "phases" jsonb NOT NULL, "facilitation" jsonb NOT NULL, "rotation_index" integer NOT NULL DEFAULT '0', "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d6395f83d095751ecc4068fb040" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_52faf73225e94a03c1262ae2af" ON "forums"  ("team_id") `);
    await queryRunner.query(`CREATE TABLE "meetings" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "team_id" uuid NOT NULL, "forum_id" uuid, "title" text NOT NULL, "state" text NOT NULL, "facilitator_id" uuid, "facilitator_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "current_phase_index" integer NOT NULL DEFAULT '0', "input_locked" boolean NOT NULL DEFAULT false, "timer" jsonb NOT NULL, "hands" jsonb NOT NULL DEFAULT '[]', "ready" jsonb NOT NULL DEFAULT '[]', "last_seq" integer NOT NULL DEFAULT '0', "minutes" jsonb, "scheduled_for" TIMESTAMP WITH TIME ZONE, "started_at" TIMESTAMP WITH TIME ZONE, "ended_at" TIMESTAMP WITH TIME ZONE, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_aa73be861afa77eb4ed31f3ed57" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_dc0065d2c58dc0de5edfc0e88d" ON "meetings"  ("forum_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_91acb650c40cc6735d33872e6f" ON "meetings"  ("team_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "meeting_phases" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "meeting_id" uuid NOT NULL, "position" integer NOT NULL, "kind" text NOT NULL, "title" text NOT NULL, "timebox_seconds" integer, "settings" jsonb NOT NULL, "state" jsonb NOT NULL, CONSTRAINT "UQ_0e7d67336d7e2d34598ce102300" UNIQUE ("meeting_id", "position"), CONSTRAINT "PK_ca6782d699fcd720cc2a6657dc3" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "meeting_events" ("id" BIGSERIAL NOT NULL, "meeting_id" uuid NOT NULL, "seq" integer NOT NULL, "op_id" uuid NOT NULL, "command" text NOT NULL, "type" text NOT NULL, "payload" jsonb NOT NULL, "result" jsonb NOT NULL, "actor_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_4f9d53e8124809e96dc72312dd8" UNIQUE ("meeting_id", "op_id"), CONSTRAINT "UQ_fa8d79695a62ea5d27d2e172272" UNIQUE ("meeting_id", "seq"), CONSTRAINT "PK_66afa689f92d5bff9af96ae1230" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "items" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "team_id" uuid NOT NULL, "kind" text NOT NULL, "text" text NOT NULL, "status" text NOT NULL DEFAULT 'open', "author_id" uuid, "owner_id" uuid, "due_date" date, "parent_id" uuid, "notes" text NOT NULL DEFAULT '', "origin_meeting_id" uuid, "origin_phase_id" uuid, "last_meeting_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ba5885359424c15ca6b9e79bcf6" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_eb1017c053ae48ed67a3b632b9" ON "items"  ("origin_meeting_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_fd01903a13ee7899e36bd6b43a" ON "items"  ("last_meeting_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_99756f6920eb05cf4a38ce853d" ON "items"  ("team_id", "status") `);
    await queryRunner.query(`ALTER TABLE "forums" ADD CONSTRAINT "FK_52faf73225e94a03c1262ae2afc" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "forums" ADD CONSTRAINT "FK_6148ed708e8274e0843308a4a59" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "meetings" ADD CONSTRAINT "FK_7d3c090068fcb4fe1a946b9b7e8" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "meetings" ADD CONSTRAINT "FK_dc0065d2c58dc0de5edfc0e88d3" FOREIGN KEY ("forum_id") REFERENCES "forums"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "meetings" ADD CONSTRAINT "FK_2a70195d3d864d06760f146603f" FOREIGN KEY ("facilitator_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "meetings" ADD CONSTRAINT "FK_6cd493a238ec7f06c3c1554e3aa" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "meeting_phases" ADD CONSTRAINT "FK_c9ff88dffbaf9d237b2dbb5abfa" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "meeting_events" ADD CONSTRAINT "FK_504fc26761f3670f5dbf983250a" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "meeting_events" ADD CONSTRAINT "FK_676ec19e2fe7787da2c7c35db7e" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "items" ADD CONSTRAINT "FK_adce7340c25acb4ff9e116f9e2e" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "items" ADD CONSTRAINT "FK_751b53d78a8ceb1b25f952be4f0" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "items" ADD CONSTRAINT "FK_3dfe6bec02ed2b26ded4bd89253" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "items" ADD CONSTRAINT "FK_650c28e8c95a2c22dee31c5f072" FOREIGN KEY ("parent_id") REFERENCES "items"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "items" ADD CONSTRAINT "FK_eb1017c053ae48ed67a3b632b97" FOREIGN KEY ("origin_meeting_id") REFERENCES "meetings"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "items" ADD CONSTRAINT "FK_fd01903a13ee7899e36bd6b43a7" FOREIGN KEY ("last_meeting_id") REFERENCES "meetings"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "items" DROP CONSTRAINT "FK_fd01903a13ee7899e36bd6b43a7"`);
    await queryRunner.query(`ALTER TABLE "items" DROP CONSTRAINT "FK_eb1017c053ae48ed67a3b632b97"`);
    await queryRunner.query(`ALTER TABLE "items" DROP CONSTRAINT "FK_650c28e8c95a2c22dee31c5f072"`);
    await queryRunner.query(`ALTER TABLE "items" DROP CONSTRAINT "FK_3dfe6bec02ed2b26ded4bd89253"`);
    await queryRunner.query(`ALTER TABLE "items" DROP CONSTRAINT "FK_751b53d78a8ceb1b25f952be4f0"`);
    await queryRunner.query(`ALTER TABLE "items" DROP CONSTRAINT "FK_adce7340c25acb4ff9e116f9e2e"`);
    await queryRunner.query(`ALTER TABLE "meeting_events" DROP CONSTRAINT "FK_676ec19e2fe7787da2c7c35db7e"`);
    await queryRunner.query(`ALTER TABLE "meeting_events" DROP CONSTRAINT "FK_504fc26761f3670f5dbf983250a"`);
    await queryRunner.query(`ALTER TABLE "meeting_phases" DROP CONSTRAINT "FK_c9ff88dffbaf9d237b2dbb5abfa"`);
    await queryRunner.query(`ALTER TABLE "meetings" DROP CONSTRAINT "FK_6cd493a238ec7f06c3c1554e3aa"`);
    await queryRunner.query(`ALTER TABLE "meetings" DROP CONSTRAINT "FK_2a70195d3d864d06760f146603f"`);
    await queryRunner.query(`ALTER TABLE "meetings" DROP CONSTRAINT "FK_dc0065d2c58dc0de5edfc0e88d3"`);
    await queryRunner.query(`ALTER TABLE "meetings" DROP CONSTRAINT "FK_7d3c090068fcb4fe1a946b9b7e8"`);
    await queryRunner.query(`ALTER TABLE "forums" DROP CONSTRAINT "FK_6148ed708e8274e0843308a4a59"`);
    await queryRunner.query(`ALTER TABLE "forums" DROP CONSTRAINT "FK_52faf73225e94a03c1262ae2afc"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_99756f6920eb05cf4a38ce853d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_fd01903a13ee7899e36bd6b43a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_eb1017c053ae48ed67a3b632b9"`);
    await queryRunner.query(`DROP TABLE "items"`);
    await queryRunner.query(`DROP TABLE "meeting_events"`);
    await queryRunner.query(`DROP TABLE "meeting_phases"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_91acb650c40cc6735d33872e6f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_dc0065d2c58dc0de5edfc0e88d"`);
    await queryRunner.query(`DROP TABLE "meetings"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_52faf73225e94a03c1262ae2af"`);
    await queryRunner.query(`DROP TABLE "forums"`);
  }
}
