import type { AnnualReport, AwardCertificate, CovenantDocument, Signatory } from '#app/documents';

/** View models shaped like the demo bloc of ../shared/reference (the 2023 covenant of "Khối các Hội đặc thù"). */

export const BLOC = 'Khối thi đua các Hội đặc thù';
export const THEME = 'Giữ vững kỷ cương, tăng cường trách nhiệm, đổi mới, sáng tạo, hiệu quả, thực chất';
export const MEMBERS = [
  'Hội Nạn nhân chất độc da cam/Dioxin tỉnh',
  'Hội Người mù tỉnh',
  'Liên minh Hợp tác xã tỉnh',
  'Hội Cựu thanh niên xung phong tỉnh',
  'Hội Luật gia tỉnh',
];
export const TARGETS = [
  'Tiếp tục đẩy mạnh công tác quán triệt, tuyên truyền các chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước về thi đua, khen thưởng',
  'Tổ chức thực hiện có hiệu quả Kế hoạch của UBND tỉnh triển khai thực hiện các phong trào thi đua yêu nước',
  'Tập trung thực hiện có hiệu quả 4 phong trào thi đua trọng tâm',
  'Đề ra các giải pháp cụ thể thực hiện tốt tôn chỉ, mục đích, điều lệ, nhiệm vụ trọng tâm của từng tổ chức thành viên',
];
export const SIGNERS = ['Nguyễn Văn Ấn', 'Trần Thị Bình', 'Vũ Văn Cung', 'Lê Thị Dung'];
export const VERIFY_URL = (code: string) => `https://thidua.example.gov.vn/api/verify/${code}`;

export function signatories(names: string[] = MEMBERS, signed = SIGNERS.length): Signatory[] {
  return names.map((organizationName, i) => ({
    organizationName,
    role: i === 0 ? 'leader' : i === 1 ? 'deputy' : 'member',
    signerTitle: i < signed ? 'Chủ tịch' : null,
    signerName: i < signed ? (SIGNERS[i] ?? `Người ký ${i + 1}`) : null,
    signedAt: i < signed ? new Date(Date.UTC(2023, 2, 3, 2 + (i % 8), 30)) : null,
  }));
}

export function covenantDocument(overrides: Partial<CovenantDocument> = {}): CovenantDocument {
  return {
    id: '0b9d7c5e-3f0a-4f5e-9a59-6f1c1d3b2a10',
    version: 1,
    issuedAt: new Date('2023-03-02T08:00:00Z'),
    issuer: BLOC,
    parentIssuer: 'Ủy ban nhân dân tỉnh',
    year: 2023,
    title: 'Bản giao ước thi đua năm 2023',
    theme: THEME,
    preamble: 'Phát huy những kết quả đạt được trong năm qua, các đơn vị trong Khối thống nhất ký kết giao ước thi đua năm 2023 với các nội dung sau.',
    place: 'Hà Tĩnh',
    signingDate: '2023-03-03',
    status: 'signing',
    targets: TARGETS.map((title, i) => ({
      number: i + 1,
      title,
      description: i === 0 ? 'Tổ chức học tập, quán triệt đầy đủ đến cán bộ, hội viên.' : null,
      movement: i === 2 ? 'Cả nước chung sức xây dựng nông thôn mới' : null,
      indicator: i === 0 ? { unit: 'buổi', targetValue: 12, baseline: 4 } : null,
    })),
    signatories: signatories(),
    contentHash: '9f2c4e1a7b3d5f60818293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8',
    verification: { code: 'K7QM-2XR4-TD9HB', url: VERIFY_URL('K7QM-2XR4-TD9HB') },
    ...overrides,
  };
}

export function awardCertificate(overrides: Partial<AwardCertificate> = {}): AwardCertificate {
  return {
    id: '5a3e2c1b-7d4f-4e6a-8b9c-0d1e2f3a4b5c',
    issuedAt: new Date('2024-01-15T03:00:00Z'),
    issuerTitle: 'Chủ tịch Ủy ban nhân dân tỉnh Hà Tĩnh',
    awardName: 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
    recipient: MEMBERS[0],
    citation: 'Đã có thành tích xuất sắc trong phong trào thi đua năm 2023, dẫn đầu Khối thi đua các Hội đặc thù',
    decisionNumber: '125/QĐ-UBND',
    decisionDate: '2024-01-15',
    goldenBookNumber: '0123',
    place: 'Hà Tĩnh',
    signerTitle: 'Chủ tịch',
    signerName: 'Võ Trọng Hải',
    verification: { code: 'P3NV-8WQZ-47MKD', url: VERIFY_URL('P3NV-8WQZ-47MKD') },
    ...overrides,
  };
}

export function annualReport(overrides: Partial<AnnualReport> = {}): AnnualReport {
  const covenant = covenantDocument();
  return {
    key: 'bloc-2023',
    issuedAt: new Date('2023-12-20T03:00:00Z'),
    blocName: BLOC,
    year: 2023,
    place: 'Hà Tĩnh',
    roster: MEMBERS.map((organizationName, i) => ({ organizationName, role: i === 0 ? 'leader' : i === 1 ? 'deputy' : 'member' })),
    covenant: {
      title: covenant.title,
      status: 'signing',
      theme: THEME,
      targetCount: TARGETS.length,
      contentHash: covenant.contentHash,
      verificationCode: covenant.verification!.code,
      signatories: covenant.signatories,
    },
    progress: TARGETS.map((title, t) => ({
      number: t + 1,
      title,
      unit: t === 0 ? 'buổi' : null,
      targetValue: t === 0 ? 12 : null,
      lines: MEMBERS.map((organizationName, i) => ({
        organizationName,
        period: i < 4 ? 'YEAR' : null,
        actualValue: i < 4 ? 9 + i : null,
        percent: i < 4 ? 62.5 + i * 12.5 : null,
        status: i < 4 ? 'on_track' : null,
      })),
    })),
    ranking: MEMBERS.map((organizationName, i) => ({ rank: i + 1, organizationName, selfTotal: 98 - i * 1.5, finalTotal: 97.25 - i * 1.5, provisional: i === 4 })),
    ballots: [
      {
        awardName: 'Cờ thi đua của Ủy ban nhân dân tỉnh',
        status: 'closed',
        seats: 1,
        turnout: 5,
        quorumMet: true,
        results: MEMBERS.slice(0, 3).map((organizationName, i) => ({ organizationName, votes: 4 - i, percent: ((4 - i) / 5) * 100, elected: i === 0 })),
      },
    ],
    awards: [
      {
        awardName: 'Cờ thi đua của Ủy ban nhân dân tỉnh',
        organizationName: MEMBERS[0],
        decisionNumber: '125/QĐ-UBND',
        decisionDate: '2024-01-15',
        verificationCode: 'P3NV-8WQZ-47MKD',
      },
    ],
    ...overrides,
  };
}

/** n distinct organisation names that read like real ones. */
export function manyOrganizations(n: number): string[] {
  const kinds = ['Hội Khuyến học', 'Hội Cựu giáo chức', 'Hội Người cao tuổi', 'Hội Bảo trợ người khuyết tật và trẻ mồ côi', 'Hội Văn học nghệ thuật', 'Hội Làm vườn'];
  return Array.from({ length: n }, (_, i) => `${kinds[i % kinds.length]} xã số ${i + 1} huyện Can Lộc`);
}
