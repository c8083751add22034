import type { AwardCertificate } from '#app/documents';

const KINDS = ['Hội Khuyến học', 'Hội Cựu giáo chức', 'Hội Người cao tuổi', 'Hội Nạn nhân chất độc da cam/Dioxin', 'Hội Người mù', 'Liên minh Hợp tác xã'];

/** The i-th of a run of realistic, distinct certificates (same shape as the API renders). */
export function sampleCertificate(i: number): AwardCertificate {
  const code = `P3NV-8WQZ-${String(i).padStart(5, '0')}`;
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    issuedAt: new Date(Date.UTC(2024, 0, 15, 3, 0, i % 60)),
    issuerTitle: 'Chủ tịch Ủy ban nhân dân tỉnh Hà Tĩnh',
    awardName: i % 3 === 0 ? 'Cờ thi đua của Ủy ban nhân dân tỉnh' : 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
    recipient: `${KINDS[i % KINDS.length]} xã số ${i + 1} huyện Can Lộc`,
    citation: 'Đã có thành tích xuất sắc trong phong trào thi đua năm 2023, góp phần thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội của tỉnh',
    decisionNumber: `${125 + (i % 40)}/QĐ-UBND`,
    decisionDate: '2024-01-15',
    goldenBookNumber: String(1000 + i),
    place: 'Hà Tĩnh',
    signerTitle: 'Chủ tịch',
    signerName: 'Võ Trọng Hải',
    verification: { code, url: `https://thidua.example.gov.vn/api/verify/${code}` },
  };
}
