/**
 * The demo bloc, from a provincial news article ("Khối các Hội đặc thù ký kết giao ước thi đua năm 2023",
 * 03/03/2023, in /work/shared/reference). What the article states is marked "article"; what it does not say
 * (the other members, who led in 2023, the signers' names) is illustrative and marked "illustrative".
 */

export const DEMO_PASSWORD_DEFAULT = 'thidua-demo-2023';

export type DemoOrgKey = 'dioxin' | 'nguoiMu' | 'cuuTnxp' | 'khuyenHoc' | 'cuuGiaoChuc' | 'luatGia' | 'lienMinhHtx';

export interface DemoOrganization {
  key: DemoOrgKey;
  name: string;
  shortName?: string;
  headTitle: string;
  headName: string;
  /** Username of its unit account. */
  username: string;
}

export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  // article: the 2022 leader of the bloc
  { key: 'dioxin', name: 'Hội Nạn nhân chất độc da cam/Dioxin tỉnh', shortName: 'Hội NNCĐDC/Dioxin', headTitle: 'Chủ tịch Hội', headName: 'Nguyễn Văn Hải', username: 'demo.dioxin' },
  // named in the design brief as members of this bloc
  { key: 'nguoiMu', name: 'Hội Người mù tỉnh', headTitle: 'Chủ tịch Hội', headName: 'Trần Thị Lan', username: 'demo.nguoimu' },
  { key: 'cuuTnxp', name: 'Hội Cựu thanh niên xung phong tỉnh', shortName: 'Hội Cựu TNXP', headTitle: 'Chủ tịch Hội', headName: 'Phạm Văn Minh', username: 'demo.cuutnxp' },
  // illustrative: associations usually counted as "hội đặc thù"
  { key: 'khuyenHoc', name: 'Hội Khuyến học tỉnh', headTitle: 'Chủ tịch Hội', headName: 'Lê Thị Hồng', username: 'demo.khuyenhoc' },
  { key: 'cuuGiaoChuc', name: 'Hội Cựu giáo chức tỉnh', headTitle: 'Chủ tịch Hội', headName: 'Đỗ Văn Toàn', username: 'demo.cuugiaochuc' },
  { key: 'luatGia', name: 'Hội Luật gia tỉnh', headTitle: 'Chủ tịch Hội', headName: 'Hoàng Minh Đức', username: 'demo.luatgia' },
  // article: its standing vice chairman Vũ Văn Cung attended and signed; not a member of the bloc
  { key: 'lienMinhHtx', name: 'Liên minh Hợp tác xã tỉnh', shortName: 'Liên minh HTX tỉnh', headTitle: 'Chủ tịch', headName: 'Nguyễn Đức Thịnh', username: 'demo.lienminhhtx' },
];

export const DEMO_STAFF = { username: 'demo.staff', fullName: 'Cán bộ Ban Thi đua - Khen thưởng (demo)' };

export const DEMO_BLOC = {
  name: 'Khối các Hội đặc thù',
  description:
    'Khối thi đua các Hội có tính chất đặc thù của tỉnh. Dữ liệu mẫu theo bài "Khối các Hội đặc thù ký kết giao ước thi đua năm 2023" (03/03/2023).',
};

type Line = { org: DemoOrgKey; role: 'leader' | 'deputy' | 'member' };

const MEMBERS: DemoOrgKey[] = ['dioxin', 'nguoiMu', 'cuuTnxp', 'khuyenHoc', 'cuuGiaoChuc', 'luatGia'];
const roster = (leader: DemoOrgKey, deputy: DemoOrgKey): Line[] =>
  MEMBERS.map((org) => ({ org, role: org === leader ? 'leader' : org === deputy ? 'deputy' : 'member' }));

export const DEMO_ROSTERS: { year: number; members: Line[] }[] = [
  // article: Hội Nạn nhân chất độc da cam/Dioxin led the bloc in 2022 (the deputy is illustrative)
  { year: 2022, members: roster('dioxin', 'cuuTnxp') },
  // illustrative: leadership rotates to the 2022 deputy
  { year: 2023, members: roster('cuuTnxp', 'nguoiMu') },
];

export const DEMO_THEME = 'Giữ vững kỷ cương, tăng cường trách nhiệm, đổi mới, sáng tạo, hiệu quả, thực chất';

/** The four key movements the article names. */
export const DEMO_MOVEMENTS = [
  'Cả nước chung sức xây dựng nông thôn mới',
  'Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau',
  'Doanh nghiệp Việt Nam hội nhập và phát triển',
  'Cán bộ, công chức, viên chức thi đua thực hiện nếp sống văn hóa công sở',
];

/** The 2023 covenant: theme and the four numbered targets as the article gives them (typos of the article corrected). */
export const DEMO_COVENANT_2023 = {
  year: 2023,
  title: 'Giao ước thi đua năm 2023',
  theme: DEMO_THEME,
  signingDate: '2023-03-03',
  preamble:
    'Phát huy những kết quả đạt được trong năm 2022, bước sang năm 2023, các đơn vị trong Khối thi đua các Hội đặc thù ' +
    'đoàn kết, thống nhất quyết tâm thực hiện các chương trình, kế hoạch, nội quy, quy chế của đơn vị; phấn đấu 100% cán bộ, ' +
    'công chức, viên chức, người lao động trong mỗi cơ quan, đơn vị hoàn thành tốt nhiệm vụ được giao, xây dựng tổ chức Hội ' +
    `vững mạnh. Thực hiện chủ đề năm 2023 của Ban Chấp hành Đảng bộ tỉnh "${DEMO_THEME}", các đơn vị trong Khối ký kết ` +
    'giao ước thi đua với các nội dung sau:',
  targets: [
    {
      title: 'Tiếp tục đẩy mạnh công tác quán triệt, tuyên truyền các chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước về thi đua, khen thưởng',
    },
    {
      title: 'Tổ chức thực hiện có hiệu quả Kế hoạch của UBND tỉnh triển khai thực hiện các phong trào thi đua yêu nước',
      description: `Quyết tâm thực hiện thắng lợi Chủ đề công tác năm 2023 của Ban Chấp hành Đảng bộ tỉnh "${DEMO_THEME}" bằng những phong trào, nhiệm vụ cụ thể.`,
    },
    {
      title: 'Tập trung thực hiện có hiệu quả 4 phong trào thi đua trọng tâm',
      description: DEMO_MOVEMENTS.map((m) => `"${m}"`).join('; ') + '.',
      movement: DEMO_MOVEMENTS.join('; '),
    },
    {
      title: 'Tập trung đề ra các giải pháp cụ thể thực hiện tốt tôn chỉ, mục đích, điều lệ, nhiệm vụ trọng tâm của từng tổ chức thành viên trong Khối năm 2023',
      description: 'Phấn đấu 100% cán bộ, công chức, viên chức, người lao động hoàn thành tốt nhiệm vụ được giao; xây dựng tổ chức Hội vững mạnh.',
      indicator: { unit: '% cán bộ, công chức, viên chức, người lao động hoàn thành tốt nhiệm vụ', targetValue: 100 },
    },
  ],
};

/** When the paper covenant was signed at the bloc's meeting (article: 3 March 2023), Vietnam time. */
export const DEMO_SIGNED_AT = '2023-03-03T09:00:00+07:00';

/** The witness of the 2023 signing (article). */
export const DEMO_WITNESS = { org: 'lienMinhHtx' as DemoOrgKey, signerName: 'Vũ Văn Cung', signerTitle: 'Phó Chủ tịch thường trực' };
