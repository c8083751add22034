import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RateLimitCounter1795802779034 implements MigrationInterface {
  name = 'RateLimitCounter1795802779034';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"rate_limit_counter\" (\"key\" character varying(300) NOT NULL, \"hits\" integer NOT NULL, \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_rate_limit_counter\" PRIMARY KEY (\"key\"))");
    await queryRunner.query("CREATE INDEX \"IDX_rate_limit_counter_expires_at\" ON \"rate_limit_counter\"  (\"expires_at\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"IDX_rate_limit_counter_expires_at\"");
    await queryRunner.query("DROP TABLE \"rate_limit_counter\"");
  }
}
