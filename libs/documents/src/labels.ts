import type { CovenantStatus, ProgressStatus, SignatoryRole } from './view-models.js';

export const ROLE_LABEL: Record<SignatoryRole, string> = {
  leader: 'Trưởng khối',
  deputy: 'Phó khối',
  member: 'Thành viên',
  witness: 'Chứng kiến',
};

export const COVENANT_STATUS_LABEL: Record<CovenantStatus, string> = {
  draft: 'Dự thảo',
  signing: 'Đang ký kết',
  in_force: 'Có hiệu lực (mọi thành viên đã ký)',
};

export const PROGRESS_STATUS_LABEL: Record<ProgressStatus, string> = {
  on_track: 'Đúng tiến độ',
  at_risk: 'Có nguy cơ chậm',
  off_track: 'Chậm tiến độ',
  done: 'Hoàn thành',
};

const PERIOD_LABEL: Record<string, string> = {
  Q1: 'Quý I',
  Q2: 'Quý II',
  Q3: 'Quý III',
  Q4: 'Quý IV',
  H1: '6 tháng đầu năm',
  YEAR: 'Cả năm',
};

export function periodLabel(period: string): string {
  return PERIOD_LABEL[period] ?? period;
}

/** Leader first, then the deputy, the members, and witnesses last; the given order otherwise. */
export function bySignatoryRole<T extends { role: SignatoryRole }>(items: readonly T[]): T[] {
  const rank: Record<SignatoryRole, number> = { leader: 0, deputy: 1, member: 2, witness: 3 };
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => rank[a.item.role] - rank[b.item.role] || a.index - b.index)
    .map(({ item }) => item);
}
