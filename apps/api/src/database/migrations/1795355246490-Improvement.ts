import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Improvement1795355246490 implements MigrationInterface {
  name = 'Improvement1795355246490';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "improvement_ideas" ("item_id" uuid NOT NULL, "team_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'idea', "owner_id" uuid, "origin_id" uuid, "last_meeting_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_985ddcb1432832c0c1ce218d7d4" PRIMARY KEY ("item_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_0b2bff6ed9a6a2a490ab7fa627" ON "improvement_ideas"  ("team_id", "status") `);
    await queryRunner.query(`CREATE TABLE "improvement_cycles" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "idea_id" uuid NOT NULL, "team_id" uuid NOT NULL, "number" integer NOT NULL, "started_on" date NOT NULL, "decision" text, "question_ids" jsonb NOT NULL DEFAULT '[]', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_41df5d7e99cb770e49ff30e7019" UNIQUE ("idea_id", "number"), CONSTRAINT "PK_92f15e43d21f24076121b911410" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_cba45dd498ccc3ea884ba06697" ON "improvement_cycles"  ("team_id") `);
    await queryRunner.query(`CREATE TABLE "improvement_fields" ("key" text NOT NULL, "idea_id" uuid NOT NULL, "cycle_id" uuid, "text" text NOT NULL DEFAULT '', "rev" integer NOT NULL DEFAULT '0', "updated_by_id" uuid, "updated_at" TIMESTAMP WITH TIME ZONE, "editor_id" uuid, "editor_until" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_5ccf41232b2c6b6c9937adb588e" PRIMARY KEY ("key"))`);
    await queryRunner.query(`CREATE INDEX "IDX_13337b7a3933fd9f69190e364f" ON "improvement_fields"  ("idea_id") `);
    await queryRunner.query(`CREATE TABLE "improvement_field_versions" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "key" text NOT NULL, "idea_id" uuid NOT NULL, "cycle_id" uuid, "rev" integer, "kind" text NOT NULL, "text" text NOT NULL, "user_id" uuid, "dismissed" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "touched_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0be5a1cb608b70afae4a524d628" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_ab36b19ac5fa8b386df06c891d" ON "improvement_field_versions"  ("idea_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_b868f55c5f0808efad349386d7" ON "improvement_field_versions"  ("key", "created_at") `);
    await queryRunner.query(`CREATE TABLE "improvement_measures" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "idea_id" uuid NOT NULL, "team_id" uuid NOT NULL, "name" text NOT NULL, "unit" text NOT NULL DEFAULT '', "definition" text NOT NULL DEFAULT '', "better" text NOT NULL, "goal" double precision, "baseline_points" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7af5e9d3a34c3c3d1496ba3b409" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_124ede2bbea5582134f5949717" ON "improvement_measures"  ("idea_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_618a6463924d6892ba358027f7" ON "improvement_measures"  ("team_id") `);
    await queryRunner.query(`CREATE TABLE "improvement_points" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "measure_id" uuid NOT NULL, "date" date NOT NULL, "value" double precision NOT NULL, "note" text NOT NULL DEFAULT '', "author_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a0221c7f7765cc083064ff710ce" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_e8066e4d8f4a5248cf35f9f3cf" ON "improvement_points"  ("measure_id", "date") `);
    await queryRunner.query(`ALTER TABLE "improvement_ideas" ADD CONSTRAINT "FK_985ddcb1432832c0c1ce218d7d4" FOREIGN KEY ("item_id") REFERENCES "items"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "improvement_ideas" ADD CONSTRAINT "FK_4b200f5456724a80087de784e9c" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "improvement_ideas" ADD CONSTRAINT "FK_13b79b720f876a40cb6fa85cc10" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "improvement_ideas" ADD CONSTRAINT "FK_5765f9003b2f446395a0cfdbdb8" FOREIGN KEY ("last_meeting_id") REFERENCES "meetings"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "improvement_cycles" ADD CONSTRAINT "FK_506f6a4be20aabaaafd1862f66f" FOREIGN KEY ("idea_id") REFERENCES "improvement_ideas"("item_id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "improvement_cycles" ADD CONSTRAINT "FK_cba45dd498ccc3ea884ba06697a" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "improvement_fields" ADD CONSTRAINT "FK_13337b7a3933fd9f69190e364fb" FOREIGN KEY ("idea_id") REFERENCES "improvement_ideas"("item_id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "improvement_fields" ADD CONSTRAINT "FK_70552421bf041a79bcadf558df5" FOREIGN KEY ("cycle_id") REFERENCES "improvement_cycles"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "improvement_fields" ADD CONSTRAINT "FK_7533b1aa4cb09b0b410283e27fc" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "improvement_fields" ADD CONSTRAINT "FK_b532cf93c78f59b592bb159d5ff" FOREIGN KEY ("editor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "improvement_field_versions" ADD CONSTRAINT "FK_ab36b19ac5fa8b386df06c891d4" FOREIGN KEY ("idea_id") REFERENCES "improvement_ideas"("item_id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "improvement_field_versions" ADD CONSTRAINT "FK_a760d39a943a823956794f85dd0" FOREIGN KEY ("cycle_id") REFERENCES "improvement_cycles"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "improvement_field_versions" ADD CONSTRAINT "FK_55590e50d4c0495c00cc0e977a1" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "improvement_measures" ADD CONSTRAINT "FK_124ede2bbea5582134f59497174" FOREIGN KEY ("idea_id") REFERENCES "improvement_ideas"("item_id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "improvement_measures" ADD CONSTRAINT "FK_618a6463924d6892ba358027f7d" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "improvement_points" ADD CONSTRAINT "FK_d9fdce616af1ddffaad7fb8f5fc" FOREIGN KEY ("measure_id") REFERENCES "improvement_measures"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "improvement_points" ADD CONSTRAINT "FK_6e519eacaa4eef79c52c36da265" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "improvement_points" DROP CONSTRAINT "FK_6e519eacaa4eef79c52c36da265"`);
    await queryRunner.query(`ALTER TABLE "improvement_points" DROP CONSTRAINT "FK_d9fdce616af1ddffaad7fb8f5fc"`);
    await queryRunner.query(`ALTER TABLE "improvement_measures" DROP CONSTRAINT "FK_618a6463924d6892ba358027f7d"`);
    await queryRunner.query(`ALTER TABLE "improvement_measures" DROP CONSTRAINT "FK_124ede2bbea5582134f59497174"`);
    await queryRunner.query(`ALTER TABLE "improvement_field_versions" DROP CONSTRAINT "FK_55590e50d4c0495c00cc0e977a1"`);
    await queryRunner.query(`ALTER TABLE "improvement_field_versions" DROP CONSTRAINT "FK_a760d39a943a823956794f85dd0"`);
    await queryRunner.query(`ALTER TABLE "improvement_field_versions" DROP CONSTRAINT "FK_ab36b19ac5fa8b386df06c891d4"`);
    await queryRunner.query(`ALTER TABLE "improvement_fields" DROP CONSTRAINT "FK_b532cf93c78f59b592bb159d5ff"`);
    await queryRunner.query(`ALTER TABLE "improvement_fields" DROP CONSTRAINT "FK_7533b1aa4cb09b0b410283e27fc"`);
    await queryRunner.query(`ALTER TABLE "improvement_fields" DROP CONSTRAINT "FK_70552421bf041a79bcadf558df5"`);
    await queryRunner.query(`ALTER TABLE "improvement_fields" DROP CONSTRAINT "FK_13337b7a3933fd9f69190e364fb"`);
    await queryRunner.query(`ALTER TABLE "improvement_cycles" DROP CONSTRAINT "FK_cba45dd498ccc3ea884ba06697a"`);
    await queryRunner.query(`ALTER TABLE "improvement_cycles" DROP CONSTRAINT "FK_506f6a4be20aabaaafd1862f66f"`);
    await queryRunner.query(`ALTER TABLE "improvement_ideas" DROP CONSTRAINT "FK_5765f9003b2f446395a0cfdbdb8"`);
    await queryRunner.query(`ALTER TABLE "improvement_ideas" DROP CONSTRAINT "FK_13b79b720f876a40cb6fa85cc10"`);
    await queryRunner.query(`ALTER TABLE "improvement_ideas" DROP CONSTRAINT "FK_4b200f5456724a80087de784e9c"`);
    await queryRunner.query(`ALTER TABLE "improvement_ideas" DROP CONSTRAINT "FK_985ddcb1432832c0c1ce218d7d4"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e8066e4d8f4a5248cf35f9f3cf"`);
    await queryRunner.query(`DROP TABLE "improvement_points"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_618a6463924d6892ba358027f7"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_124ede2bbea5582134f5949717"`);
    await queryRunner.query(`DROP TABLE "improvement_measures"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b868f55c5f0808efad349386d7"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ab36b19ac5fa8b386df06c891d"`);
    await queryRunner.query(`DROP TABLE "improvement_field_versions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_13337b7a3933fd9f69190e364f"`);
    await queryRunner.query(`DROP TABLE "improvement_fields"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cba45dd498ccc3ea884ba06697"`);
    await queryRunner.query(`DROP TABLE "improvement_cycles"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0b2bff6ed9a6a2a490ab7fa627"`);
    await queryRunner.query(`DROP TABLE "improvement_ideas"`);
  }
}
