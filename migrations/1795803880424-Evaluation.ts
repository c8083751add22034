import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Evaluation1795803880424 implements MigrationInterface {
  name = 'Evaluation1795803880424';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"ballot\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"bloc_year_id\" uuid NOT NULL, \"award_type_code\" character varying(50) NOT NULL, \"max_choices\" integer NOT NULL, \"seats\" integer NOT NULL, \"status\" character varying(10) NOT NULL, \"quorum_percent\" numeric(5,2) NOT NULL, \"pass_percent\" numeric(5,2) NOT NULL, \"pass_base\" character varying(20) NOT NULL, \"member_count\" integer NOT NULL, \"result\" jsonb, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"closed_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"CHK_ballot_closed\" CHECK ((\"status\" = 'closed') = (\"result\" IS NOT NULL)), CONSTRAINT \"CHK_ballot_pass_base\" CHECK (\"pass_base\" IN ('members', 'votes_cast')), CONSTRAINT \"CHK_ballot_counts\" CHECK (\"max_choices\" >= 1 AND \"seats\" >= 1 AND \"member_count\" >= 1), CONSTRAINT \"CHK_ballot_status\" CHECK (\"status\" IN ('open', 'closed')), CONSTRAINT \"PK_20adac0e902c60e62fcb6f4cf9c\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_ballot_bloc_year\" ON \"ballot\"  (\"bloc_year_id\") ");
    await queryRunner.query("CREATE TABLE \"ballot_candidate\" (\"ballot_id\" uuid NOT NULL, \"organization_id\" uuid NOT NULL, \"name\" character varying(1000) NOT NULL, \"position\" integer NOT NULL, CONSTRAINT \"PK_ballot_candidate\" PRIMARY KEY (\"ballot_id\", \"organization_id\"))");
    await queryRunner.query("CREATE TABLE \"ballot_choice\" (\"id\" uuid NOT NULL, \"ballot_id\" uuid NOT NULL, \"candidate_id\" uuid NOT NULL, CONSTRAINT \"PK_ballot_choice\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_ballot_choice_ballot\" ON \"ballot_choice\"  (\"ballot_id\") ");
    await queryRunner.query("CREATE TABLE \"ballot_elector\" (\"ballot_id\" uuid NOT NULL, \"organization_id\" uuid NOT NULL, CONSTRAINT \"PK_ballot_elector\" PRIMARY KEY (\"ballot_id\", \"organization_id\"))");
    await queryRunner.query("CREATE TABLE \"ballot_voter\" (\"ballot_id\" uuid NOT NULL, \"organization_id\" uuid NOT NULL, CONSTRAINT \"PK_ballot_voter\" PRIMARY KEY (\"ballot_id\", \"organization_id\"))");
    await queryRunner.query("CREATE TABLE \"criteria_set\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"bloc_year_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"UQ_criteria_set_bloc_year\" UNIQUE (\"bloc_year_id\"), CONSTRAINT \"PK_6717d6b7309a910d3f19f558c04\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TABLE \"criterion\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"criteria_set_id\" uuid NOT NULL, \"code\" character varying(50) NOT NULL, \"title\" character varying(1000) NOT NULL, \"max_points\" numeric(7,2) NOT NULL, \"kind\" character varying(20) NOT NULL, \"target_id\" uuid, \"position\" integer NOT NULL, CONSTRAINT \"UQ_criterion_code\" UNIQUE (\"criteria_set_id\", \"code\"), CONSTRAINT \"CHK_criterion_max_points\" CHECK (\"max_points\" > 0), CONSTRAINT \"CHK_criterion_kind\" CHECK (\"kind\" IN ('quantitative', 'qualitative', 'count', 'bonus', 'penalty')), CONSTRAINT \"PK_a69d2ffbb1ef3ebea02d895e92f\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TABLE \"score_sheet\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"bloc_year_id\" uuid NOT NULL, \"organization_id\" uuid NOT NULL, \"status\" character varying(20) NOT NULL, \"explanation\" text, \"reviewed_at\" TIMESTAMP WITH TIME ZONE, \"explained_at\" TIMESTAMP WITH TIME ZONE, \"finalised_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"UQ_score_sheet_organization\" UNIQUE (\"bloc_year_id\", \"organization_id\"), CONSTRAINT \"CHK_score_sheet_status\" CHECK (\"status\" IN ('draft', 'reviewed', 'explained', 'final')), CONSTRAINT \"PK_2d456b20d675a5e607486b79440\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TABLE \"score_entry\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"score_sheet_id\" uuid NOT NULL, \"code\" character varying(50) NOT NULL, \"self_score\" numeric(7,2), \"evidence\" text, \"reviewed_score\" numeric(7,2), \"review_comment\" text, CONSTRAINT \"UQ_score_entry_code\" UNIQUE (\"score_sheet_id\", \"code\"), CONSTRAINT \"CHK_score_entry_reviewed_score\" CHECK (\"reviewed_score\" >= 0), CONSTRAINT \"CHK_score_entry_self_score\" CHECK (\"self_score\" >= 0), CONSTRAINT \"PK_258ef4c1672e2f248a0fa3268a3\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("ALTER TABLE \"ballot\" ADD CONSTRAINT \"FK_ballot_bloc_year\" FOREIGN KEY (\"bloc_year_id\") REFERENCES \"bloc_year\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"ballot_candidate\" ADD CONSTRAINT \"FK_ballot_candidate_ballot\" FOREIGN KEY (\"ballot_id\") REFERENCES \"ballot\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"ballot_candidate\" ADD CONSTRAINT \"FK_ballot_candidate_organization\" FOREIGN KEY (\"organization_id\") REFERENCES \"organization\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"ballot_choice\" ADD CONSTRAINT \"FK_ballot_choice_candidate\" FOREIGN KEY (\"ballot_id\", \"candidate_id\") REFERENCES \"ballot_candidate\"(\"ballot_id\",\"organization_id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"ballot_elector\" ADD CONSTRAINT \"FK_ballot_elector_ballot\" FOREIGN KEY (\"ballot_id\") REFERENCES \"ballot\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"ballot_elector\" ADD CONSTRAINT \"FK_ballot_elector_organization\" FOREIGN KEY (\"organization_id\") REFERENCES \"organization\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"ballot_voter\" ADD CONSTRAINT \"FK_ballot_voter_elector\" FOREIGN KEY (\"ballot_id\", \"organization_id\") REFERENCES \"ballot_elector\"(\"ballot_id\",\"organization_id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"criteria_set\" ADD CONSTRAINT \"FK_criteria_set_bloc_year\" FOREIGN KEY (\"bloc_year_id\") REFERENCES \"bloc_year\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"criterion\" ADD CONSTRAINT \"FK_criterion_criteria_set\" FOREIGN KEY (\"criteria_set_id\") REFERENCES \"criteria_set\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"score_sheet\" ADD CONSTRAINT \"FK_score_sheet_bloc_year\" FOREIGN KEY (\"bloc_year_id\") REFERENCES \"bloc_year\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"score_sheet\" ADD CONSTRAINT \"FK_score_sheet_organization\" FOREIGN KEY (\"organization_id\") REFERENCES \"organization\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"score_entry\" ADD CONSTRAINT \"FK_score_entry_score_sheet\" FOREIGN KEY (\"score_sheet_id\") REFERENCES \"score_sheet\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"score_entry\" DROP CONSTRAINT \"FK_score_entry_score_sheet\"");
    await queryRunner.query("ALTER TABLE \"score_sheet\" DROP CONSTRAINT \"FK_score_sheet_organization\"");
    await queryRunner.query("ALTER TABLE \"score_sheet\" DROP CONSTRAINT \"FK_score_sheet_bloc_year\"");
    await queryRunner.query("ALTER TABLE \"criterion\" DROP CONSTRAINT \"FK_criterion_criteria_set\"");
    await queryRunner.query("ALTER TABLE \"criteria_set\" DROP CONSTRAINT \"FK_criteria_set_bloc_year\"");
    await queryRunner.query("ALTER TABLE \"ballot_voter\" DROP CONSTRAINT \"FK_ballot_voter_elector\"");
    await queryRunner.query("ALTER TABLE \"ballot_elector\" DROP CONSTRAINT \"FK_ballot_elector_organization\"");
    await queryRunner.query("ALTER TABLE \"ballot_elector\" DROP CONSTRAINT \"FK_ballot_elector_ballot\"");
    await queryRunner.query("ALTER TABLE \"ballot_choice\" DROP CONSTRAINT \"FK_ballot_choice_candidate\"");
    await queryRunner.query("ALTER TABLE \"ballot_candidate\" DROP CONSTRAINT \"FK_ballot_candidate_organization\"");
    await queryRunner.query("ALTER TABLE \"ballot_candidate\" DROP CONSTRAINT \"FK_ballot_candidate_ballot\"");
    await queryRunner.query("ALTER TABLE \"ballot\" DROP CONSTRAINT \"FK_ballot_bloc_year\"");
    await queryRunner.query("DROP TABLE \"score_entry\"");
    await queryRunner.query("DROP TABLE \"score_sheet\"");
    await queryRunner.query("DROP TABLE \"criterion\"");
    await queryRunner.query("DROP TABLE \"criteria_set\"");
    await queryRunner.query("DROP TABLE \"ballot_voter\"");
    await queryRunner.query("DROP TABLE \"ballot_elector\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_ballot_choice_ballot\"");
    await queryRunner.query("DROP TABLE \"ballot_choice\"");
    await queryRunner.query("DROP TABLE \"ballot_candidate\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_ballot_bloc_year\"");
    await queryRunner.query("DROP TABLE \"ballot\"");
  }
}
