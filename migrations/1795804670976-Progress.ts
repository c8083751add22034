import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Progress1795804670976 implements MigrationInterface {
  name = 'Progress1795804670976';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"progress_report\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"covenant_id\" uuid NOT NULL, \"organization_id\" uuid NOT NULL, \"period\" character varying(10) NOT NULL, \"revision\" integer NOT NULL, \"submitted_by_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"UQ_progress_report_revision\" UNIQUE (\"covenant_id\", \"organization_id\", \"period\", \"revision\"), CONSTRAINT \"CHK_progress_report_revision\" CHECK (\"revision\" >= 1), CONSTRAINT \"CHK_progress_report_period\" CHECK (\"period\" IN ('Q1', 'Q2', 'Q3', 'Q4', 'H1', 'YEAR')), CONSTRAINT \"PK_de44d4f311d5a0132f49f9f0820\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TABLE \"progress_entry\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"report_id\" uuid NOT NULL, \"target_id\" uuid NOT NULL, \"actual_value\" numeric(15,2), \"status\" character varying(20), \"note\" text, CONSTRAINT \"UQ_progress_entry_target\" UNIQUE (\"report_id\", \"target_id\"), CONSTRAINT \"CHK_progress_entry_status\" CHECK (\"status\" IN ('on_track', 'at_risk', 'off_track', 'done')), CONSTRAINT \"PK_2087004aaffee249ff4adcd5281\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("ALTER TABLE \"ballot\" ADD CONSTRAINT \"FK_ballot_award_type\" FOREIGN KEY (\"award_type_code\") REFERENCES \"award_type\"(\"code\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"criterion\" ADD CONSTRAINT \"FK_criterion_target\" FOREIGN KEY (\"target_id\") REFERENCES \"covenant_target\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"progress_report\" ADD CONSTRAINT \"FK_progress_report_covenant\" FOREIGN KEY (\"covenant_id\") REFERENCES \"covenant\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"progress_report\" ADD CONSTRAINT \"FK_progress_report_organization\" FOREIGN KEY (\"organization_id\") REFERENCES \"organization\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"progress_entry\" ADD CONSTRAINT \"FK_progress_entry_report\" FOREIGN KEY (\"report_id\") REFERENCES \"progress_report\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"progress_entry\" ADD CONSTRAINT \"FK_progress_entry_target\" FOREIGN KEY (\"target_id\") REFERENCES \"covenant_target\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"progress_entry\" DROP CONSTRAINT \"FK_progress_entry_target\"");
    await queryRunner.query("ALTER TABLE \"progress_entry\" DROP CONSTRAINT \"FK_progress_entry_report\"");
    await queryRunner.query("ALTER TABLE \"progress_report\" DROP CONSTRAINT \"FK_progress_report_organization\"");
    await queryRunner.query("ALTER TABLE \"progress_report\" DROP CONSTRAINT \"FK_progress_report_covenant\"");
    await queryRunner.query("ALTER TABLE \"criterion\" DROP CONSTRAINT \"FK_criterion_target\"");
    await queryRunner.query("ALTER TABLE \"ballot\" DROP CONSTRAINT \"FK_ballot_award_type\"");
    await queryRunner.query("DROP TABLE \"progress_entry\"");
    await queryRunner.query("DROP TABLE \"progress_report\"");
  }
}
