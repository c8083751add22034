import type { MigrationInterface, QueryRunner } from 'typeorm';

export class BlocsAndRosters1795802738958 implements MigrationInterface {
  name = 'BlocsAndRosters1795802738958';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"bloc\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"name\" character varying(1000) NOT NULL, \"name_key\" character varying(1000) NOT NULL, \"description\" text, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"UQ_bloc_name_key\" UNIQUE (\"name_key\"), CONSTRAINT \"PK_2496f6a3c59744a2472826e1325\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TABLE \"bloc_year\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"bloc_id\" uuid NOT NULL, \"year\" integer NOT NULL, \"bloc_name\" character varying(1000) NOT NULL, \"quorum_percent\" numeric(5,2) NOT NULL, \"pass_percent\" numeric(5,2) NOT NULL, \"pass_base\" character varying(20) NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"UQ_bloc_year_bloc_year\" UNIQUE (\"bloc_id\", \"year\"), CONSTRAINT \"CHK_bloc_year_pass_base\" CHECK (\"pass_base\" IN ('members', 'votes_cast')), CONSTRAINT \"CHK_bloc_year_pass_percent\" CHECK (\"pass_percent\" BETWEEN 0 AND 100), CONSTRAINT \"CHK_bloc_year_quorum_percent\" CHECK (\"quorum_percent\" BETWEEN 0 AND 100), CONSTRAINT \"CHK_bloc_year_year\" CHECK (\"year\" BETWEEN 2000 AND 2100), CONSTRAINT \"PK_8446998d04a92fc17f1946d68e8\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TABLE \"roster_member\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"bloc_year_id\" uuid NOT NULL, \"organization_id\" uuid NOT NULL, \"role\" character varying(10) NOT NULL, \"organization_name\" character varying(1000) NOT NULL, \"position\" integer NOT NULL, CONSTRAINT \"UQ_roster_member_organization\" UNIQUE (\"bloc_year_id\", \"organization_id\"), CONSTRAINT \"CHK_roster_member_role\" CHECK (\"role\" IN ('leader', 'deputy', 'member')), CONSTRAINT \"PK_3ff464441c4eda7ff40850b1caa\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_roster_member_organization\" ON \"roster_member\"  (\"organization_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_roster_member_one_deputy\" ON \"roster_member\"  (\"bloc_year_id\") WHERE \"role\" = 'deputy'");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_roster_member_one_leader\" ON \"roster_member\"  (\"bloc_year_id\") WHERE \"role\" = 'leader'");
    await queryRunner.query("ALTER TABLE \"bloc_year\" ADD CONSTRAINT \"FK_bloc_year_bloc\" FOREIGN KEY (\"bloc_id\") REFERENCES \"bloc\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"roster_member\" ADD CONSTRAINT \"FK_roster_member_bloc_year\" FOREIGN KEY (\"bloc_year_id\") REFERENCES \"bloc_year\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"roster_member\" ADD CONSTRAINT \"FK_roster_member_organization\" FOREIGN KEY (\"organization_id\") REFERENCES \"organization\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"roster_member\" DROP CONSTRAINT \"FK_roster_member_organization\"");
    await queryRunner.query("ALTER TABLE \"roster_member\" DROP CONSTRAINT \"FK_roster_member_bloc_year\"");
    await queryRunner.query("ALTER TABLE \"bloc_year\" DROP CONSTRAINT \"FK_bloc_year_bloc\"");
    await queryRunner.query("DROP INDEX \"public\".\"UQ_roster_member_one_leader\"");
    await queryRunner.query("DROP INDEX \"public\".\"UQ_roster_member_one_deputy\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_roster_member_organization\"");
    await queryRunner.query("DROP TABLE \"roster_member\"");
    await queryRunner.query("DROP TABLE \"bloc_year\"");
    await queryRunner.query("DROP TABLE \"bloc\"");
  }
}
