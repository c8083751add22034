import type { DemoSeedResult } from '../seed/demo-seed.js';
import type { ApiClient } from './api-client.js';

/**
 * The demo bloc's 2023 year end, through the HTTP API as its users would enter it: progress on each
 * target, the scoring table, score sheets and reviews, the vote for the provincial flag, and the
 * awards the province granted. Everything here is illustrative (the article stops at the signing).
 */
export async function yearEndDemo(api: ApiClient, seed: DemoSeedResult, logins: { staff: string; units: Record<string, string> }): Promise<{ awardIds: string[] }> {
  const { staff, units } = logins;
  const org = seed.organizations;
  const covenant = seed.covenant;
  const blocYear = `/api/blocs/${seed.blocId}/years/2023`;
  const members = [org.cuuTnxp, org.nguoiMu, org.dioxin, org.khuyenHoc, org.cuuGiaoChuc, org.luatGia];
  const target = (n: number) => covenant.targets.find((t) => t.number === n)!.id;

  // Progress for the whole year; Hội Luật gia has not reported yet.
  const results: Record<string, [number, 'done' | 'on_track' | 'at_risk']> = {
    [org.cuuTnxp]: [100, 'done'],
    [org.nguoiMu]: [98, 'done'],
    [org.dioxin]: [97, 'on_track'],
    [org.khuyenHoc]: [95, 'on_track'],
    [org.cuuGiaoChuc]: [90, 'at_risk'],
  };
  for (const [organizationId, [value, status]] of Object.entries(results)) {
    await api.call('POST', `/api/covenants/${covenant.id}/progress-reports`, units[organizationId], {
      organizationId,
      period: 'YEAR',
      entries: [
        { targetId: target(1), status: 'done', note: 'Tổ chức học tập, quán triệt đầy đủ đến cán bộ, hội viên' },
        { targetId: target(2), status },
        { targetId: target(3), status: status === 'done' ? 'done' : 'on_track' },
        { targetId: target(4), actualValue: value, status },
      ],
    });
  }

  await api.call('PUT', `${blocYear}/criteria`, staff, {
    items: [
      { code: 'TC1', title: 'Công tác tuyên truyền, quán triệt về thi đua, khen thưởng', maxPoints: 20, kind: 'quantitative', targetId: target(1) },
      { code: 'TC2', title: 'Tổ chức thực hiện các phong trào thi đua yêu nước', maxPoints: 30, kind: 'quantitative', targetId: target(2) },
      { code: 'TC3', title: 'Thực hiện 4 phong trào thi đua trọng tâm', maxPoints: 30, kind: 'quantitative', targetId: target(3) },
      { code: 'TC4', title: 'Hoàn thành nhiệm vụ trọng tâm của tổ chức Hội', maxPoints: 20, kind: 'quantitative', targetId: target(4) },
      { code: 'TH1', title: 'Điểm thưởng: mô hình, cách làm mới', maxPoints: 5, kind: 'bonus' },
      { code: 'TR1', title: 'Điểm trừ: báo cáo chậm', maxPoints: 5, kind: 'penalty' },
    ],
  });
  const scores: Record<string, number[]> = {
    [org.cuuTnxp]: [20, 29.5, 29, 20, 4, 0],
    [org.nguoiMu]: [19.5, 29, 28.5, 19.5, 3, 0],
    [org.dioxin]: [19.5, 28.5, 28.5, 19, 3, 0],
    [org.khuyenHoc]: [19, 28, 28, 19, 2, 0],
    [org.cuuGiaoChuc]: [18.5, 27, 27.5, 18, 1, 1],
    [org.luatGia]: [18, 27, 27, 18, 0, 2],
  };
  const codes = ['TC1', 'TC2', 'TC3', 'TC4', 'TH1', 'TR1'];
  for (const [organizationId, points] of Object.entries(scores)) {
    await api.call('PUT', `${blocYear}/score-sheets/${organizationId}`, units[organizationId], {
      entries: codes.map((code, i) => ({ code, selfScore: points[i], evidence: i < 4 ? 'Báo cáo tổng kết năm 2023 của đơn vị' : undefined })),
    });
  }
  // Staff review every sheet but the last, which keeps its self scores (marked in the ranking).
  for (const organizationId of members.slice(0, -1)) {
    const reviewed = scores[organizationId].map((p, i) => (i === 1 ? p - 0.5 : p));
    await api.call('POST', `${blocYear}/score-sheets/${organizationId}/review`, staff, {
      entries: codes.map((code, i) => ({ code, reviewedScore: reviewed[i], comment: i === 1 ? 'Trừ 0,5 điểm: thiếu minh chứng một phong trào' : undefined })),
    });
  }

  const ballot = await api.call<{ id: string }>('POST', `${blocYear}/ballots`, units[org.cuuTnxp], {
    awardTypeCode: 'CO_THI_DUA_TINH',
    candidates: [org.cuuTnxp, org.nguoiMu, org.dioxin],
    maxChoices: 1,
    seats: 1,
  });
  const choices: Record<string, string> = {
    [org.cuuTnxp]: org.cuuTnxp,
    [org.nguoiMu]: org.cuuTnxp,
    [org.dioxin]: org.cuuTnxp,
    [org.khuyenHoc]: org.nguoiMu,
    [org.cuuGiaoChuc]: org.cuuTnxp,
    [org.luatGia]: org.dioxin,
  };
  for (const [organizationId, choice] of Object.entries(choices)) {
    await api.call('POST', `/api/ballots/${ballot.id}/votes`, units[organizationId], { choices: [choice] });
  }
  await api.call('POST', `/api/ballots/${ballot.id}/close`, units[org.cuuTnxp]);

  const decision = { decisionNumber: '35/QĐ-UBND', decisionDate: '2024-01-12', issuerTitle: 'Chủ tịch Ủy ban nhân dân tỉnh', signerTitle: 'Chủ tịch', signerName: 'Nguyễn Văn Thành' };
  const awardIds: string[] = [];
  for (const [organizationId, awardTypeCode, citation, goldenBookNumber] of [
    [org.cuuTnxp, 'CO_THI_DUA_TINH', 'Đã hoàn thành xuất sắc toàn diện nhiệm vụ, dẫn đầu phong trào thi đua Khối các Hội đặc thù năm 2023', '0125'],
    [org.nguoiMu, 'BANG_KHEN_TINH', 'Đã có thành tích xuất sắc trong phong trào thi đua năm 2023', '0126'],
    [org.dioxin, 'BANG_KHEN_TINH', 'Đã có thành tích xuất sắc trong phong trào thi đua năm 2023', '0127'],
  ] as const) {
    const award = await api.call<{ id: string }>('POST', '/api/awards', staff, {
      year: 2023,
      awardTypeCode,
      organizationId,
      blocId: seed.blocId,
      citation,
      goldenBookNumber,
      ...decision,
    });
    awardIds.push(award.id);
  }
  return { awardIds };
}
