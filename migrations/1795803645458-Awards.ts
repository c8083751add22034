import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Awards1795803645458 implements MigrationInterface {
  name = 'Awards1795803645458';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"award_type\" (\"code\" character varying(50) NOT NULL, \"name\" character varying(1000) NOT NULL, \"level\" character varying(20) NOT NULL, \"rank\" integer NOT NULL, CONSTRAINT \"CHK_award_type_level\" CHECK (\"level\" IN ('national', 'provincial', 'local')), CONSTRAINT \"PK_award_type\" PRIMARY KEY (\"code\"))");
    await queryRunner.query("CREATE TABLE \"award\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"year\" integer NOT NULL, \"award_type_code\" character varying(50) NOT NULL, \"organization_id\" uuid NOT NULL, \"recipient_name\" character varying(1000) NOT NULL, \"bloc_id\" uuid, \"citation\" text NOT NULL, \"decision_number\" character varying(100) NOT NULL, \"decision_date\" date NOT NULL, \"issuer_title\" character varying(1000) NOT NULL, \"signer_title\" character varying(1000) NOT NULL, \"signer_name\" character varying(1000) NOT NULL, \"place\" character varying(1000), \"golden_book_number\" character varying(100), \"verification_code\" character varying(20) NOT NULL, \"content_hash\" character(64) NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"UQ_award_verification_code\" UNIQUE (\"verification_code\"), CONSTRAINT \"UQ_award_type_organization_year\" UNIQUE (\"award_type_code\", \"organization_id\", \"year\"), CONSTRAINT \"CHK_award_year\" CHECK (\"year\" BETWEEN 2000 AND 2100), CONSTRAINT \"PK_e887e4e69663925ebb60d3a7775\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_award_organization\" ON \"award\"  (\"organization_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_award_bloc_year\" ON \"award\"  (\"bloc_id\", \"year\") ");
    await queryRunner.query("CREATE INDEX \"IDX_award_year\" ON \"award\"  (\"year\") ");
    await queryRunner.query("ALTER TABLE \"award\" ADD CONSTRAINT \"FK_award_award_type\" FOREIGN KEY (\"award_type_code\") REFERENCES \"award_type\"(\"code\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"award\" ADD CONSTRAINT \"FK_award_organization\" FOREIGN KEY (\"organization_id\") REFERENCES \"organization\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"award\" ADD CONSTRAINT \"FK_award_bloc\" FOREIGN KEY (\"bloc_id\") REFERENCES \"bloc\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"award\" DROP CONSTRAINT \"FK_award_bloc\"");
    await queryRunner.query("ALTER TABLE \"award\" DROP CONSTRAINT \"FK_award_organization\"");
    await queryRunner.query("ALTER TABLE \"award\" DROP CONSTRAINT \"FK_award_award_type\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_award_year\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_award_bloc_year\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_award_organization\"");
    await queryRunner.query("DROP TABLE \"award\"");
    await queryRunner.query("DROP TABLE \"award_type\"");
  }
}
