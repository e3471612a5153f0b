import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EthicsKasam1795354964437 implements MigrationInterface {
  name = 'EthicsKasam1795354964437';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "ethics_themes" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "team_id" uuid NOT NULL, "title" text NOT NULL, "case" text NOT NULL DEFAULT '', "questions" jsonb NOT NULL DEFAULT '[]', "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7b9df27fe6befc6b8847a86d1b0" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_f78736c4677c9ba9a1ceb6b49d" ON "ethics_themes"  ("team_id") `);
    await queryRunner.query(`CREATE TABLE "ethics_theme_uses" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "team_id" uuid NOT NULL, "forum_id" uuid, "meeting_id" uuid NOT NULL, "phase_id" uuid NOT NULL, "theme_key" text NOT NULL, "used_on" date NOT NULL, CONSTRAINT "UQ_a796078d2a742039611bd150d0f" UNIQUE ("phase_id"), CONSTRAINT "PK_f59383e612a288de2ca85ef7428" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_44d629361bcac81c9806c4b8e7" ON "ethics_theme_uses"  ("team_id", "forum_id") `);
    await queryRunner.query(`CREATE TABLE "breakout_notes" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "meeting_id" uuid NOT NULL, "phase_id" uuid NOT NULL, "group_index" integer NOT NULL, "text" text NOT NULL DEFAULT '', "rev" integer NOT NULL DEFAULT '0', CONSTRAINT "UQ_f9862a3205ef154d5d04dc83134" UNIQUE ("phase_id", "group_index"), CONSTRAINT "PK_588b369acf41d574e76ca9e43aa" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "kasam_ballots" ("phase_id" uuid NOT NULL, "answers" jsonb NOT NULL DEFAULT '[]', CONSTRAINT "PK_fcab9a93ef777969760433ce690" PRIMARY KEY ("phase_id"))`);
    await queryRunner.query(`CREATE TABLE "kasam_results" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "team_id" uuid NOT NULL, "forum_id" uuid, "meeting_id" uuid NOT NULL, "phase_id" uuid NOT NULL, "held_on" date NOT NULL, "aggregate" jsonb NOT NULL, CONSTRAINT "UQ_b39e13f0f10d89b70fb489d7c41" UNIQUE ("phase_id"), CONSTRAINT "PK_4577794d0fb0b9b45d836fdf0c0" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_a5cea3a8611af027c849fb2815" ON "kasam_results"  ("team_id", "held_on") `);
    await queryRunner.query(`ALTER TABLE "ethics_themes" ADD CONSTRAINT "FK_f78736c4677c9ba9a1ceb6b49d4" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "ethics_themes" ADD CONSTRAINT "FK_131e2484f94d161bb7a14270770" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "ethics_theme_uses" ADD CONSTRAINT "FK_aece4fe1010a915d4d6d40f3ddf" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "ethics_theme_uses" ADD CONSTRAINT "FK_e0b75b337b8ac8ce447a9fda20c" FOREIGN KEY ("forum_id") REFERENCES "forums"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "ethics_theme_uses" ADD CONSTRAINT "FK_10d8b6fd5a7a6efdaed23ed7a27" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "ethics_theme_uses" ADD CONSTRAINT "FK_a796078d2a742039611bd150d0f" FOREIGN KEY ("phase_id") REFERENCES "meeting_phases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "breakout_notes" ADD CONSTRAINT "FK_f3af13499f75d230056da3b4c16" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "breakout_notes" ADD CONSTRAINT "FK_a4dde20610a7d6765d712734a47" FOREIGN KEY ("phase_id") REFERENCES "meeting_phases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "kasam_ballots" ADD CONSTRAINT "FK_fcab9a93ef777969760433ce690" FOREIGN KEY ("phase_id") REFERENCES "meeting_phases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "kasam_results" ADD CONSTRAINT "FK_29407a7f75d6234430264b234f6" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "kasam_results" ADD CONSTRAINT "FK_5a76efef24ca0d6c8a6820774af" FOREIGN KEY ("forum_id") REFERENCES "forums"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "kasam_results" ADD CONSTRAINT "FK_616dfbb305aa494185286a4ef9b" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "kasam_results" ADD CONSTRAINT "FK_b39e13f0f10d89b70fb489d7c41" FOREIGN KEY ("phase_id") REFERENCES "meeting_phases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "kasam_results" DROP CONSTRAINT "FK_b39e13f0f10d89b70fb489d7c41"`);
    await queryRunner.query(`ALTER TABLE "kasam_results" DROP CONSTRAINT "FK_616dfbb305aa494185286a4ef9b"`);
    await queryRunner.query(`ALTER TABLE "kasam_results" DROP CONSTRAINT "FK_5a76efef24ca0d6c8a6820774af"`);
    await queryRunner.query(`ALTER TABLE "kasam_results" DROP CONSTRAINT "FK_29407a7f75d6234430264b234f6"`);
    await queryRunner.query(`ALTER TABLE "kasam_ballots" DROP CONSTRAINT "FK_fcab9a93ef777969760433ce690"`);
    await queryRunner.query(`ALTER TABLE "breakout_notes" DROP CONSTRAINT "FK_a4dde20610a7d6765d712734a47"`);
    await queryRunner.query(`ALTER TABLE "breakout_notes" DROP CONSTRAINT "FK_f3af13499f75d230056da3b4c16"`);
    await queryRunner.query(`ALTER TABLE "ethics_theme_uses" DROP CONSTRAINT "FK_a796078d2a742039611bd150d0f"`);
    await queryRunner.query(`ALTER TABLE "ethics_theme_uses" DROP CONSTRAINT "FK_10d8b6fd5a7a6efdaed23ed7a27"`);
    await queryRunner.query(`ALTER TABLE "ethics_theme_uses" DROP CONSTRAINT "FK_e0b75b337b8ac8ce447a9fda20c"`);
    await queryRunner.query(`ALTER TABLE "ethics_theme_uses" DROP CONSTRAINT "FK_aece4fe1010a915d4d6d40f3ddf"`);
    await queryRunner.query(`ALTER TABLE "ethics_themes" DROP CONSTRAINT "FK_131e2484f94d161bb7a14270770"`);
    await queryRunner.query(`ALTER TABLE "ethics_themes" DROP CONSTRAINT "FK_f78736c4677c9ba9a1ceb6b49d4"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a5cea3a8611af027c849fb2815"`);
    await queryRunner.query(`DROP TABLE "kasam_results"`);
    await queryRunner.query(`DROP TABLE "kasam_ballots"`);
    await queryRunner.query(`DROP TABLE "breakout_notes"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_44d629361bcac81c9806c4b8e7"`);
    await queryRunner.query(`DROP TABLE "ethics_theme_uses"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f78736c4677c9ba9a1ceb6b49d"`);
    await queryRunner.query(`DROP TABLE "ethics_themes"`);
  }
}
