import { orgCodeCheckChar, usccCheckChar } from '@ccc/domain';

/**
 * Who the demo is about: organisations with their users, and officers of four bureaus. Every account has
 * the one demo password (it passes the password policy); it is for a demo database only.
 */

export const DEMO_PASSWORD = 'CccDemo#2026';

/** A valid 18-character unified social credit code (GB 32100) of a division and an organisation-code stem. */
export function demoUscc(divisionCode: string, stem8: string): string {
  const orgCode = stem8 + orgCodeCheckChar(stem8)!;
  const first17 = `91${divisionCode}${orgCode}`;
  const check = usccCheckChar(first17);
  if (!check) throw new Error(`invalid code stem ${stem8}`);
  return first17 + check;
}

export interface DemoUser {
  username: string;
  contactName: string;
  mobile: string;
  email: string;
  phone?: string;
  /** joins after the first user: approved by the first user, or left waiting for approval. */
  joins?: 'approved' | 'pending';
}

export interface DemoOrganisation {
  key: 'pujiang' | 'nansha' | 'huaqing' | 'xinda' | 'qianhai';
  code: string;
  nameZh: string;
  nameEn: string;
  divisionCode: string;
  address: string;
  postcode: string;
  /** The bureau the organisation applies to (its province's). */
  bureauCode: string;
  users: DemoUser[];
}

export const demoOrganisations: DemoOrganisation[] = [
  {
    key: 'pujiang',
    code: demoUscc('310115', 'MA1FP3K8'),
    nameZh: '上海浦江精密机电进出口有限公司',
    nameEn: 'Shanghai Pujiang Precision Electromechanical Import & Export Co., Ltd.',
    divisionCode: '310115',
    address: '上海市浦东新区张杨路500号华润时代广场18楼',
    postcode: '200122',
    bureauCode: '310000',
    users: [
      {
        username: 'pujiang_zhang',
        contactName: '张伟',
        mobile: '13816602231',
        email: 'zhang.wei@pujiang-demo.example.com',
        phone: '021-58301122',
      },
      {
        username: 'pujiang_liu',
        contactName: '刘洋',
        mobile: '13917725508',
        email: 'liu.yang@pujiang-demo.example.com',
        joins: 'approved',
      },
      {
        username: 'pujiang_chen',
        contactName: '陈静',
        mobile: '13761180934',
        email: 'chen.jing@pujiang-demo.example.com',
        joins: 'pending',
      },
    ],
  },
  {
    key: 'nansha',
    code: demoUscc('440115', 'MA59C2LW'),
    nameZh: '广州南沙智能装备有限公司',
    nameEn: 'Guangzhou Nansha Intelligent Equipment Co., Ltd.',
    divisionCode: '440115',
    address: '广东省广州市南沙区港前大道南162号',
    postcode: '511458',
    bureauCode: '440000',
    users: [
      {
        username: 'nansha_huang',
        contactName: '黄敏',
        mobile: '13802256617',
        email: 'huang.min@nansha-demo.example.com',
        phone: '020-39001234',
      },
    ],
  },
  {
    key: 'huaqing',
    code: demoUscc('110108', 'MA01D7N4'),
    nameZh: '北京华清检测技术研究院有限公司',
    nameEn: 'Beijing Huaqing Testing Technology Research Institute Co., Ltd.',
    divisionCode: '110108',
    address: '北京市海淀区中关村东路66号世纪科贸大厦B座9层',
    postcode: '100190',
    bureauCode: '110000',
    users: [
      {
        username: 'huaqing_wang',
        contactName: '王磊',
        mobile: '13601128845',
        email: 'wang.lei@huaqing-demo.example.com',
        phone: '010-62781100',
      },
      {
        username: 'huaqing_zhao',
        contactName: '赵丽',
        mobile: '13910236672',
        email: 'zhao.li@huaqing-demo.example.com',
        joins: 'approved',
      },
    ],
  },
  {
    key: 'xinda',
    code: demoUscc('320505', 'MA1MK6RT'),
    nameZh: '苏州欣达电子科技有限公司',
    nameEn: 'Suzhou Xinda Electronic Technology Co., Ltd.',
    divisionCode: '320505',
    address: '江苏省苏州市虎丘区狮山路88号金河国际中心21楼',
    postcode: '215011',
    bureauCode: '320000',
    users: [
      {
        username: 'xinda_sun',
        contactName: '孙浩',
        mobile: '13962157703',
        email: 'sun.hao@xinda-demo.example.com',
        phone: '0512-68251234',
      },
    ],
  },
  {
    key: 'qianhai',
    code: demoUscc('440305', 'MA5G8B2Q'),
    nameZh: '深圳前海国际会展服务有限公司',
    nameEn: 'Shenzhen Qianhai International Exhibition Services Co., Ltd.',
    divisionCode: '440305',
    address: '广东省深圳市南山区科苑南路3099号中国储能大厦26楼',
    postcode: '518057',
    bureauCode: '440000',
    users: [
      {
        username: 'qianhai_lin',
        contactName: '林芳',
        mobile: '13923851146',
        email: 'lin.fang@qianhai-demo.example.com',
        phone: '0755-86001234',
      },
    ],
  },
];

export interface DemoOfficer {
  username: string;
  contactName: string;
  bureauCode: string;
  mobile: string;
  email: string;
  phone: string;
}

export const demoOfficers: DemoOfficer[] = [
  {
    username: 'sh_li',
    contactName: '李明',
    bureauCode: '310000',
    mobile: '13501236671',
    email: 'li.ming@sh-samr-demo.example.cn',
    phone: '021-64220000',
  },
  {
    username: 'sh_wu',
    contactName: '吴婷',
    bureauCode: '310000',
    mobile: '13601745582',
    email: 'wu.ting@sh-samr-demo.example.cn',
    phone: '021-64220001',
  },
  {
    username: 'gd_chen',
    contactName: '陈志强',
    bureauCode: '440000',
    mobile: '13711402268',
    email: 'chen.zq@gd-samr-demo.example.cn',
    phone: '020-38830000',
  },
  {
    username: 'bj_zhou',
    contactName: '周红',
    bureauCode: '110000',
    mobile: '13801059934',
    email: 'zhou.hong@bj-samr-demo.example.cn',
    phone: '010-82690000',
  },
  {
    username: 'js_xu',
    contactName: '徐建国',
    bureauCode: '320000',
    mobile: '13851721145',
    email: 'xu.jg@js-samr-demo.example.cn',
    phone: '025-83590000',
  },
];
