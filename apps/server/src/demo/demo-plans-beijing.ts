import { SAFETY, type ApplicationPlan } from './demo-applications';

/** The applications of 北京华清检测技术研究院有限公司 (北京市市场监督管理局). */

const huaqingUse = {
  userName: '北京华清检测技术研究院有限公司',
  userAddress: '北京市海淀区中关村东路66号',
  userContact: '王磊',
  userPhone: '010-62781100',
};

export function beijingPlans(): ApplicationPlan[] {
  return [
    {
      key: 'H1',
      pace: [1, 1],
      org: 'huaqing',
      officer: 'bj_zhou',
      startDay: 230,
      useAddress: '北京市海淀区中关村东路66号 电磁兼容实验室',
      fields: {
        clauseCode: '01',
        subClauseCode: 'research',
        applicantTypeCode: 'research_institute',
        contractNo: 'HQ-KY-2026-005',
        productFeatures: '高性能计算工作站及可编程直流电源，用于国家重点研发计划课题的电磁兼容仿真与测试。',
        exemptionReason: '科研项目所需设备，项目结束后按规定处置。',
        safetyAssurance: SAFETY,
      },
      products: [
        {
          hsCode: '8471414000',
          productName: '高性能计算工作站',
          model: 'Precision 7960',
          brand: 'Dell',
          quantity: '6',
          manufacturer: 'Dell Inc.',
          originCountry: '马来西亚',
          purpose: '电磁兼容仿真计算',
        },
        {
          hsCode: '8504401400',
          productName: '可编程直流电源',
          model: 'N6705C',
          brand: 'Keysight',
          quantity: '10',
          manufacturer: 'Keysight Technologies',
          originCountry: '马来西亚',
          purpose: '被测设备供电',
        },
      ],
      outcome: 'issued',
      afterIssue: {
        steps: [
          {
            do: 'record',
            after: 15,
            kind: 'usage',
            final: 'verified',
            lines: { 1: '5', 2: '6' },
            text: { ...huaqingUse, description: '5台工作站及6台电源投入电磁兼容实验室使用。' },
          },
          {
            do: 'record',
            after: 30,
            kind: 'reexport',
            final: 'verified',
            lines: { 2: '2' },
            text: { declarationNo: '010120260008812345', description: '2台电源故障，退回原厂维修。' },
          },
          {
            do: 'record',
            after: 25,
            kind: 'destruction',
            final: 'submitted',
            lines: { 1: '1' },
            text: {
              method: '主板及电源损坏无法修复，拆解后交由有资质的电子废物处理单位处理',
              witness: '北京市海淀区电子废物回收处理中心 王工',
            },
          },
        ],
      },
    },
    {
      key: 'H2',
      pace: [2, 5],
      org: 'huaqing',
      officer: 'bj_zhou',
      startDay: 170,
      useAddress: '北京市海淀区中关村东路66号 产品安全实验室',
      fields: {
        clauseCode: '01',
        subClauseCode: 'ccc_sample',
        applicantTypeCode: 'ccc_applicant',
        invoiceNo: 'SEC-2026-PO-0716',
        productFeatures: '平板电脑样品，用于CCC认证型式试验送样。',
        exemptionReason: 'CCC认证检测所需样品，检测完成后退运。',
        safetyAssurance: SAFETY,
      },
      products: [
        {
          hsCode: '8471301000',
          productName: '平板电脑（CCC认证送检样品）',
          model: 'SM-X910',
          brand: 'SAMSUNG',
          quantity: '8',
          manufacturer: 'Samsung Electronics Co., Ltd.',
          originCountry: '越南',
          purpose: 'CCC认证型式试验',
        },
      ],
      outcome: 'issued',
      afterIssue: {
        steps: [
          {
            do: 'modification',
            after: 6,
            final: 'returned',
            reason: '送样型号由认证机构确认为SM-X916B，申请更正样品型号。',
            change: (c) => ({ ...c, products: c.products.map((p) => ({ ...p, model: 'SM-X916B' })) }),
            decisionReason: '请提供指定认证机构出具的型号变更确认函后重新提交。',
          },
          {
            do: 'record',
            after: 20,
            kind: 'reexport',
            final: 'returned',
            lines: { 1: '4' },
            text: { declarationNo: '010120260010022222', description: '检测完成的4台样品退运出境。' },
            returnReason: '报关单号与退运货物不符，请核对出口报关单号后重新提交。',
          },
        ],
      },
    },
    {
      key: 'H3',
      pace: [1, 6],
      org: 'huaqing',
      user: 'huaqing_zhao',
      officer: 'bj_zhou',
      startDay: 100,
      useAddress: '北京市海淀区中关村东路66号 家电安全实验室',
      fields: {
        clauseCode: '01',
        subClauseCode: 'testing',
        applicantTypeCode: 'testing_body',
        invoiceNo: 'PAN-2026-0803',
        productFeatures: '微波炉样品，用于委托方的能效及电磁辐射对比测试。',
        exemptionReason: '测试所需样品。',
        safetyAssurance: SAFETY,
      },
      returnedOnce: {
        reason: '测试项目说明未写明测试项目名称及测试完成后样品的处置方式，请补充后重新提交。',
        fix: {
          productFeatures: '微波炉样品，用于委托方的能效及电磁辐射对比测试（项目编号HQ-T-2026-118）。',
          exemptionReason: '测试所需样品；测试完成后3台拆解销毁，2台退运出境。',
        },
      },
      products: [
        {
          hsCode: '8516500000',
          productName: '微波炉（测试样品）',
          model: 'NN-DS59NB',
          brand: 'Panasonic',
          quantity: '5',
          manufacturer: 'Panasonic Corporation',
          originCountry: '日本',
          purpose: '能效及电磁辐射对比测试',
        },
      ],
      outcome: 'issued',
      afterIssue: {
        steps: [
          {
            do: 'record',
            after: 25,
            kind: 'destruction',
            final: 'verified',
            lines: { 1: '3' },
            text: {
              method: '破坏性测试后拆解，交由有资质的电子废物处理单位处理',
              witness: '北京市海淀区市场监督管理局 现场见证',
            },
          },
          {
            do: 'record',
            after: 12,
            kind: 'reexport',
            final: 'draft',
            lines: { 1: '2' },
            text: { declarationNo: '010120260013344556', description: '剩余2台样品退运委托方。' },
          },
        ],
      },
    },
    {
      key: 'H4',
      pace: [3, 6],
      org: 'huaqing',
      officer: 'bj_zhou',
      startDay: 80,
      useAddress: '北京市海淀区中关村东路66号 数据中心',
      fields: {
        clauseCode: '01',
        subClauseCode: 'research',
        applicantTypeCode: 'research_institute',
        contractNo: 'HQ-KY-2026-019',
        productFeatures: '小型服务器，用于科研数据处理。',
        exemptionReason: '科研项目所需设备。',
        safetyAssurance: SAFETY,
      },
      products: [
        {
          hsCode: '8471412000',
          productName: '机架式服务器',
          model: 'PowerEdge R760',
          brand: 'Dell',
          quantity: '50',
          manufacturer: 'Dell Inc.',
          originCountry: '马来西亚',
          purpose: '科研数据处理',
        },
      ],
      outcome: 'refused',
      reason: '申报数量（50台）明显超出所述科研项目的实际需要，且未提供项目立项文件，不予免办。',
    },
  ];
}
