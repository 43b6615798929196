import { SAFETY, type ApplicationPlan } from './demo-applications';

/** The applications of 上海浦江精密机电进出口有限公司 (上海市市场监督管理局). */

const pujiangUse = {
  userName: '上海浦江精密机电进出口有限公司金桥工厂',
  userAddress: '上海市浦东新区金海路1000号',
  userContact: '张伟',
  userPhone: '021-58301122',
};

export function shanghaiPlans(): ApplicationPlan[] {
  return [
    {
      key: 'P1',
      org: 'pujiang',
      officer: 'sh_li',
      startDay: 215,
      useAddress: '上海市浦东新区金海路1000号 空调压缩机性能测试生产线',
      fields: {
        clauseCode: '03',
        contractNo: 'PJ-COP-2026-017',
        invoiceNo: 'CI-PJ-2026-0318',
        productFeatures:
          '涡旋式空调压缩机及配套可编程控制器，用于本公司金桥工厂压缩机性能测试生产线改造，全部安装于生产线设备内部。',
        exemptionReason: '产品为工厂生产线配套所需设备，属于第三项免办情形，不作为商品对外销售。',
        safetyAssurance: SAFETY,
      },
      products: [
        {
          hsCode: '8414301300',
          productName: '涡旋式空调压缩机',
          model: 'ZP103KCE-TFD-522',
          brand: 'Copeland',
          quantity: '120',
          manufacturer: 'Copeland Europe GmbH',
          originCountry: '比利时',
          purpose: '压缩机性能测试台架配套',
        },
        {
          hsCode: '8537101190',
          productName: '可编程控制器',
          model: 'CJ2M-CPU33',
          brand: 'OMRON',
          quantity: '30',
          manufacturer: 'OMRON Corporation',
          originCountry: '日本',
          purpose: '测试生产线控制系统配套',
        },
      ],
      outcome: 'issued',
      afterIssue: {
        steps: [
          {
            do: 'record',
            after: 18,
            kind: 'usage',
            final: 'verified',
            lines: { 1: '40', 2: '12' },
            text: {
              ...pujiangUse,
              description: '安装于1号、2号性能测试台架，完成压缩机出厂性能测试约3200台次。',
            },
          },
          {
            do: 'modification',
            after: 8,
            final: 'approved',
            reason: '报关时发现原申请中压缩机型号录入有误（ZP103KCE应为ZP104KCE），申请更正型号。',
            change: (c) => ({
              ...c,
              products: c.products.map((p) => (p.lineNo === 1 ? { ...p, model: 'ZP104KCE-TFD-522' } : p)),
            }),
          },
          {
            do: 'record',
            after: 20,
            kind: 'usage',
            final: 'returned',
            lines: { 1: '20' },
            text: { ...pujiangUse, description: '安装于3号性能测试台架。' },
            returnReason: '使用记录未写明对应的测试台架编号及使用数量的分配，请补充后重新提交。',
          },
          {
            do: 'record',
            after: 10,
            kind: 'destruction',
            final: 'returned',
            lines: { 1: '2' },
            text: {
              method: '压缩机在测试中损坏，拆解后交由有资质的单位回收处理',
              witness: '上海市浦东新区再生资源回收公司 刘工',
              description: '2台压缩机在耐久测试中损坏。',
            },
            returnReason: '请上传或写明回收处理单位出具的处理证明编号。',
          },
          {
            do: 'record',
            after: 22,
            kind: 'usage',
            final: 'submitted',
            lines: { 1: '30', 2: '10' },
            text: { ...pujiangUse, description: '安装于4号、5号性能测试台架，生产线改造完成。' },
          },
          {
            do: 'record',
            after: 18,
            kind: 'usage',
            final: 'draft',
            lines: { 1: '10' },
            text: { ...pujiangUse, description: '备用压缩机投入6号台架使用（待确认数量）。' },
          },
        ],
      },
    },
    {
      key: 'P2',
      pace: [2, 4],
      org: 'pujiang',
      officer: 'sh_wu',
      startDay: 190,
      useAddress: '上海市闵行区莘庄工业区申富路288号 客户半导体检测设备现场',
      fields: {
        clauseCode: '02',
        applicantTypeCode: 'repairer',
        useDivisionCode: '310112',
        billOfLadingNo: 'MSKU7730921',
        productFeatures:
          '工业控制终端专用液晶显示屏，为客户在用半导体检测设备的原厂备件，尺寸与接口为专用规格。',
        exemptionReason: '直接为最终用户维修目的所需的零部件，用于更换客户设备上已损坏的显示屏。',
        safetyAssurance: SAFETY,
      },
      products: [
        {
          hsCode: '8528521200',
          productName: '工业控制终端液晶显示屏',
          model: 'FDX1203T',
          brand: 'EIZO',
          quantity: '12',
          manufacturer: 'EIZO Corporation',
          originCountry: '日本',
          purpose: '客户设备维修更换',
        },
      ],
      outcome: 'issued',
      afterIssue: {
        steps: [
          {
            do: 'modification',
            after: 12,
            final: 'refused',
            reason: '客户追加维修需求，申请将显示屏数量由12台调整为15台。',
            change: (c) => ({ ...c, products: c.products.map((p) => ({ ...p, quantity: '15' })) }),
            decisionReason: '修改证明不能增加产品数量；如需追加，请另行提交免办申请。',
          },
        ],
      },
    },
    {
      key: 'P3',
      org: 'pujiang',
      officer: 'sh_li',
      startDay: 12,
      useAddress: '上海市浦东新区金海路1000号 电控柜装配线',
      fields: {
        clauseCode: '03',
        invoiceNo: 'CI-PJ-2026-1107',
        productFeatures: '控制按钮及带接头控制电缆，用于电控柜装配线的设备改造。',
        exemptionReason: '工厂生产线配套所需零部件，不对外销售。',
        safetyAssurance: SAFETY,
      },
      products: [
        {
          hsCode: '8536500000',
          productName: '控制按钮开关',
          model: 'XB5AA31',
          brand: 'Schneider Electric',
          quantity: '200',
          manufacturer: 'Schneider Electric Industries SAS',
          originCountry: '法国',
          purpose: '电控柜装配线配套',
        },
        {
          hsCode: '8544421100',
          productName: '带接头控制电缆',
          model: 'ÖLFLEX CLASSIC 110 4G1.5',
          brand: 'LAPP',
          quantity: '150',
          manufacturer: 'U.I. Lapp GmbH',
          originCountry: '德国',
          purpose: '电控柜装配线配套',
        },
      ],
      outcome: 'submitted',
    },
    {
      key: 'P4',
      org: 'pujiang',
      officer: 'sh_li',
      startDay: 5,
      useAddress: '上海市浦东新区金海路1000号 研发中心',
      fields: {
        clauseCode: '06',
        invoiceNo: 'CI-PJ-2026-1121',
        productFeatures: '大气等离子体表面处理设备，用于新材料粘接工艺的试验。',
        exemptionReason: '用于研发中心的工艺试验，属于其他特殊用途。',
        safetyAssurance: SAFETY,
      },
      products: [
        {
          hsCode: '8543709990',
          productName: '大气等离子体表面处理设备',
          model: 'FG5001',
          brand: 'Plasmatreat',
          quantity: '1',
          manufacturer: 'Plasmatreat GmbH',
          originCountry: '德国',
          purpose: '粘接工艺试验',
        },
      ],
      outcome: 'draft',
    },
    {
      key: 'P5',
      org: 'pujiang',
      user: 'pujiang_liu',
      officer: 'sh_wu',
      startDay: 40,
      useAddress: '上海市浦东新区金海路1000号 风机装配线',
      fields: {
        clauseCode: '03',
        contractNo: 'PJ-ABB-2026-033',
        productFeatures: '三相异步电动机，用于风机装配线的驱动系统。',
        exemptionReason: '工厂生产线配套所需设备。',
        safetyAssurance: SAFETY,
      },
      products: [
        {
          hsCode: '8501520000',
          productName: '三相异步电动机',
          model: 'M3BP 160MLA 4',
          brand: 'ABB',
          quantity: '24',
          manufacturer: 'ABB Motors and Mechanical',
          originCountry: '瑞典',
          purpose: '风机装配线驱动',
        },
      ],
      outcome: 'returned',
      reason:
        '生产线配套证明中的设备采购合同未加盖双方公章，且合同所列电机型号与申报型号不一致，请补充盖章合同并核对型号后重新提交。',
    },
  ];
}
