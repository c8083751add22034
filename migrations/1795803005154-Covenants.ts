import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Covenants1795803005154 implements MigrationInterface {
  name = 'Covenants1795803005154';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"covenant\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"bloc_year_id\" uuid NOT NULL, \"title\" character varying(1000) NOT NULL, \"theme\" character varying(1000), \"preamble\" text, \"place\" character varying(1000), \"signing_date\" date, \"status\" character varying(20) NOT NULL DEFAULT 'draft', \"version\" integer NOT NULL DEFAULT '1', \"content_hash\" character(64), \"verification_code\" character varying(20), \"opened_at\" TIMESTAMP WITH TIME ZONE, \"in_force_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"UQ_covenant_verification_code\" UNIQUE (\"verification_code\"), CONSTRAINT \"UQ_covenant_bloc_year\" UNIQUE (\"bloc_year_id\"), CONSTRAINT \"CHK_covenant_version\" CHECK (\"version\" >= 1), CONSTRAINT \"CHK_covenant_in_force_at\" CHECK ((\"status\" = 'in_force') = (\"in_force_at\" IS NOT NULL)), CONSTRAINT \"CHK_covenant_frozen_has_hash\" CHECK (\"status\" = 'draft' OR (\"content_hash\" IS NOT NULL AND \"verification_code\" IS NOT NULL AND \"opened_at\" IS NOT NULL)), CONSTRAINT \"CHK_covenant_status\" CHECK (\"status\" IN ('draft', 'signing', 'in_force')), CONSTRAINT \"PK_4431ed60784e3894985ff404ba7\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_covenant_content_hash\" ON \"covenant\"  (\"content_hash\") ");
    await queryRunner.query("CREATE TABLE \"covenant_signature\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"covenant_id\" uuid NOT NULL, \"organization_id\" uuid NOT NULL, \"organization_name\" character varying(1000) NOT NULL, \"role\" character varying(10) NOT NULL, \"signer_name\" character varying(1000) NOT NULL, \"signer_title\" character varying(1000) NOT NULL, \"content_hash\" character(64) NOT NULL, \"signed_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"recorded_by_id\" uuid NOT NULL, CONSTRAINT \"UQ_covenant_signature_organization\" UNIQUE (\"covenant_id\", \"organization_id\"), CONSTRAINT \"CHK_covenant_signature_role\" CHECK (\"role\" IN ('member', 'witness')), CONSTRAINT \"PK_0ab60c43bc2b27962777f5a5d16\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_covenant_signature_organization\" ON \"covenant_signature\"  (\"organization_id\") ");
    await queryRunner.query("CREATE TABLE \"covenant_target\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"covenant_id\" uuid NOT NULL, \"number\" integer NOT NULL, \"title\" character varying(1000) NOT NULL, \"description\" text, \"movement\" character varying(1000), \"indicator_unit\" character varying(1000), \"target_value\" numeric(15,2), \"baseline\" numeric(15,2), CONSTRAINT \"UQ_covenant_target_number\" UNIQUE (\"covenant_id\", \"number\"), CONSTRAINT \"CHK_covenant_target_indicator\" CHECK ((\"indicator_unit\" IS NULL) = (\"target_value\" IS NULL) AND (\"baseline\" IS NULL OR \"indicator_unit\" IS NOT NULL)), CONSTRAINT \"CHK_covenant_target_number\" CHECK (\"number\" >= 1), CONSTRAINT \"PK_7877a35a385b69b68572b839236\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("ALTER TABLE \"covenant\" ADD CONSTRAINT \"FK_covenant_bloc_year\" FOREIGN KEY (\"bloc_year_id\") REFERENCES \"bloc_year\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"covenant_signature\" ADD CONSTRAINT \"FK_covenant_signature_covenant\" FOREIGN KEY (\"covenant_id\") REFERENCES \"covenant\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"covenant_signature\" ADD CONSTRAINT \"FK_covenant_signature_organization\" FOREIGN KEY (\"organization_id\") REFERENCES \"organization\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"covenant_signature\" ADD CONSTRAINT \"FK_covenant_signature_recorded_by\" FOREIGN KEY (\"recorded_by_id\") REFERENCES \"app_user\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"covenant_target\" ADD CONSTRAINT \"FK_covenant_target_covenant\" FOREIGN KEY (\"covenant_id\") REFERENCES \"covenant\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"covenant_target\" DROP CONSTRAINT \"FK_covenant_target_covenant\"");
    await queryRunner.query("ALTER TABLE \"covenant_signature\" DROP CONSTRAINT \"FK_covenant_signature_recorded_by\"");
    await queryRunner.query("ALTER TABLE \"covenant_signature\" DROP CONSTRAINT \"FK_covenant_signature_organization\"");
    await queryRunner.query("ALTER TABLE \"covenant_signature\" DROP CONSTRAINT \"FK_covenant_signature_covenant\"");
    await queryRunner.query("ALTER TABLE \"covenant\" DROP CONSTRAINT \"FK_covenant_bloc_year\"");
    await queryRunner.query("DROP TABLE \"covenant_target\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_covenant_signature_organization\"");
    await queryRunner.query("DROP TABLE \"covenant_signature\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_covenant_content_hash\"");
    await queryRunner.query("DROP TABLE \"covenant\"");
  }
}
