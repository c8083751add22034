/** Award types every deployment knows (API.md, "Awards and verification"); the catalogue may hold more. */
export const AWARD_TYPE_CODES = [
  'CO_THI_DUA_CHINH_PHU',
  'CO_THI_DUA_TINH',
  'BANG_KHEN_THU_TUONG',
  'BANG_KHEN_TINH',
  'TAP_THE_LAO_DONG_XUAT_SAC',
  'GIAY_KHEN',
] as const;

/**
 * What the awards library answers: whether an award type code exists in the catalogue. Until a
 * library provides it, the codes above are the catalogue.
 */
export abstract class AwardTypeCatalog {
  abstract exists(code: string): Promise<boolean>;
}
