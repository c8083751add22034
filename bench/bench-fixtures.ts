import { call } from './bench-support.js';

export interface CovenantFixture {
  covenantId: string;
  targetIds: string[];
  memberIds: string[];
}

let counter = 0;

/**
 * Through the API: `members` organisations in a bloc year's roster, a covenant of `targets`
 * measured targets signed by all of them (in force), and one Q1 progress report per member
 * covering every target.
 */
export async function covenantInForce(url: string, token: string, members: number, targets: number): Promise<CovenantFixture> {
  const tag = `${process.pid}-${++counter}`;
  const memberIds: string[] = [];
  for (let i = 0; i < members; i++) {
    memberIds.push((await call<{ id: string }>(url, 'POST', '/api/organizations', { name: `Hội thành viên ${tag}-${i + 1}`, headTitle: 'Chủ tịch' }, token)).id);
  }
  const bloc = await call<{ id: string }>(url, 'POST', '/api/blocs', { name: `Khối thi đua ${tag}` }, token);
  const roster = memberIds.map((organizationId, i) => ({ organizationId, role: i === 0 ? 'leader' : i === 1 ? 'deputy' : 'member' }));
  await call(url, 'PUT', `/api/blocs/${bloc.id}/years/2024`, { members: roster }, token);
  const covenant = await call<{ id: string }>(
    url,
    'POST',
    `/api/blocs/${bloc.id}/years/2024/covenant`,
    {
      title: 'Giao ước thi đua năm 2024',
      theme: 'Đoàn kết, sáng tạo, phát triển hội viên',
      place: 'Thái Bình',
      signingDate: '2024-03-03',
      targets: Array.from({ length: targets }, (_, i) => ({
        title: `Chỉ tiêu ${i + 1}: phát triển hội viên và nâng cao chất lượng hoạt động`,
        movement: 'Cả nước chung sức xây dựng nông thôn mới',
        indicator: { unit: 'hội viên', targetValue: 100 + i, baseline: 10 },
      })),
    },
    token,
  );
  const opened = await call<{ contentHash: string; targets: { id: string }[] }>(url, 'POST', `/api/covenants/${covenant.id}/open-for-signing`, undefined, token);
  for (const organizationId of memberIds) {
    await call(url, 'POST', `/api/covenants/${covenant.id}/signatures`, { organizationId, signerName: 'Nguyễn Văn An', signerTitle: 'Chủ tịch', contentHash: opened.contentHash }, token);
  }
  const targetIds = opened.targets.map((t) => t.id);
  for (const [i, organizationId] of memberIds.entries()) {
    await call(url, 'POST', `/api/covenants/${covenant.id}/progress-reports`, progressReport(organizationId, targetIds, 'Q1', i), token);
  }
  return { covenantId: covenant.id, targetIds, memberIds };
}

/** A report covering every target. */
export function progressReport(organizationId: string, targetIds: string[], period: string, seed: number): object {
  return {
    organizationId,
    period,
    entries: targetIds.map((targetId, i) => ({ targetId, actualValue: 10 + ((seed + i) % 90), status: 'on_track', note: 'Theo báo cáo quý' })),
  };
}
