import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The forms of commendation every province uses (Law 06/2022 on emulation and commendation). */
const AWARD_TYPES: [code: string, name: string, level: string, rank: number][] = [
  ['CO_THI_DUA_CHINH_PHU', 'Cờ thi đua của Chính phủ', 'national', 1],
  ['BANG_KHEN_THU_TUONG', 'Bằng khen của Thủ tướng Chính phủ', 'national', 2],
  ['CO_THI_DUA_TINH', 'Cờ thi đua của Ủy ban nhân dân tỉnh', 'provincial', 3],
  ['BANG_KHEN_TINH', 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh', 'provincial', 4],
  ['TAP_THE_LAO_DONG_XUAT_SAC', 'Tập thể lao động xuất sắc', 'provincial', 5],
  ['GIAY_KHEN', 'Giấy khen', 'local', 6],
];

/** Hand-written: seeds the award type catalogue that must exist in every database. */
export class AwardTypeCatalogue1795803645459 implements MigrationInterface {
  name = 'AwardTypeCatalogue1795803645459';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [code, name, level, rank] of AWARD_TYPES) {
      await queryRunner.query(`INSERT INTO "award_type" ("code", "name", "level", "rank") VALUES ($1, $2, $3, $4) ON CONFLICT ("code") DO NOTHING`, [
        code,
        name.normalize('NFC'),
        level,
        rank,
      ]);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "award_type" WHERE "code" = ANY($1)`, [AWARD_TYPES.map(([code]) => code)]);
  }
}
