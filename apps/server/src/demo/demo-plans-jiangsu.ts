import { SAFETY, type ApplicationPlan } from './demo-applications';

/** The applications of 苏州欣达电子科技有限公司 (江苏省市场监督管理局). */

const xindaUse = {
  userName: '苏州欣达电子科技有限公司',
  userAddress: '江苏省苏州市虎丘区狮山路88号 整机装配车间',
  userContact: '孙浩',
  userPhone: '0512-68251234',
};

export function jiangsuPlans(): ApplicationPlan[] {
  return [
    {
      key: 'X1',
      pace: [1, 2],
      org: 'xinda',
      officer: 'js_xu',
      startDay: 210,
      useAddress: '江苏省苏州市虎丘区狮山路88号 整机装配车间',
      fields: {
        clauseCode: '05',
        contractNo: 'XD-EXP-2026-0412',
        productFeatures: '电源模块及继电器，用于出口笔记本电脑扩展坞整机的装配，整机全部出口。',
        exemptionReason: '以整机全数出口为目的进口的零部件，整机出口后办理核销。',
        safetyAssurance: SAFETY,
      },
      products: [
        {
          hsCode: '8504401300',
          productName: '扩展坞电源模块',
          model: 'ADP-65JH AB',
          brand: 'DELTA',
          quantity: '5000',
          manufacturer: 'Delta Electronics (Thailand) PCL',
          originCountry: '泰国',
          purpose: '出口整机装配',
        },
        {
          hsCode: '8536490000',
          productName: '信号继电器',
          model: 'G5V-1',
          brand: 'OMRON',
          quantity: '8000',
          manufacturer: 'OMRON Corporation',
          originCountry: '日本',
          purpose: '出口整机装配',
        },
      ],
      outcome: 'issued',
      afterIssue: {
        steps: [
          {
            do: 'record',
            after: 20,
            kind: 'usage',
            final: 'verified',
            lines: { 1: '1200', 2: '2000' },
            text: { ...xindaUse, description: '用于出口订单PO-2026-0412的扩展坞整机装配，共装配1200台。' },
          },
          {
            do: 'record',
            after: 12,
            kind: 'writeoff',
            final: 'verified',
            text: {
              declarationNo: '223120260004125871',
              description: '出口订单PO-2026-0412整机1200台已全部出口。',
            },
          },
          {
            do: 'record',
            after: 20,
            kind: 'usage',
            final: 'returned',
            lines: { 1: '800' },
            text: { ...xindaUse, description: '用于出口订单PO-2026-0630的整机装配。' },
            returnReason: '继电器用量未填报，与整机物料清单不符，请补充后重新提交。',
          },
          {
            do: 'record',
            after: 10,
            kind: 'writeoff',
            final: 'returned',
            text: { declarationNo: '223120260006301144', description: '出口订单PO-2026-0630整机出口。' },
            returnReason: '核销记录的出口日期与报关单所载出口日期不一致，请更正。',
          },
          {
            do: 'record',
            after: 25,
            kind: 'writeoff',
            final: 'submitted',
            text: { declarationNo: '223120260009156620', description: '出口订单PO-2026-0915整机900台出口。' },
          },
        ],
      },
    },
    {
      key: 'X2',
      pace: [2, 3],
      org: 'xinda',
      officer: 'js_xu',
      startDay: 95,
      useAddress: '江苏省苏州市虎丘区狮山路88号 整机装配车间',
      fields: {
        clauseCode: '05',
        contractNo: 'XD-EXP-2026-0820',
        productFeatures: '服务器电源模块，用于出口服务器整机装配。',
        exemptionReason: '以整机全数出口为目的进口的零部件。',
        safetyAssurance: SAFETY,
      },
      products: [
        {
          hsCode: '8504401300',
          productName: '服务器电源模块',
          model: 'DPS-800AB',
          brand: 'DELTA',
          quantity: '3000',
          manufacturer: 'Delta Electronics (Thailand) PCL',
          originCountry: '泰国',
          purpose: '出口整机装配',
        },
      ],
      outcome: 'issued',
      afterIssue: {
        steps: [
          {
            do: 'modification',
            after: 5,
            final: 'draft',
            reason: '品牌名称按原厂注册商标规范填写。',
            change: (c) => ({
              ...c,
              products: c.products.map((p) => ({ ...p, brand: 'Delta Electronics' })),
            }),
          },
          {
            do: 'record',
            after: 20,
            kind: 'writeoff',
            final: 'draft',
            text: {
              declarationNo: '223120260010208812',
              description: '出口订单PO-2026-1020整机出口（待补充报关单）。',
            },
          },
        ],
      },
    },
    {
      key: 'X3',
      org: 'xinda',
      officer: 'js_xu',
      startDay: 8,
      useAddress: '江苏省苏州市虎丘区狮山路88号 自动化测试线',
      fields: {
        clauseCode: '03',
        invoiceNo: 'YK-2026-11-0091',
        productFeatures: '交流伺服电动机，用于自动化测试线的传动机构。',
        exemptionReason: '工厂生产线配套所需设备。',
        safetyAssurance: SAFETY,
      },
      products: [
        {
          hsCode: '8501520000',
          productName: '交流伺服电动机',
          model: 'SGM7J-08AFC6S',
          brand: 'YASKAWA',
          quantity: '16',
          manufacturer: 'YASKAWA Electric Corporation',
          originCountry: '日本',
          purpose: '自动化测试线传动',
        },
      ],
      outcome: 'submitted',
    },
  ];
}
