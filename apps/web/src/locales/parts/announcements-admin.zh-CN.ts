/** Texts of one feature, Chinese; spread into ../zh-CN.ts. ./announcements-admin.en-US.ts must have every key. */
export const announcementsAdminZhCN = {
  'annadm.status.scheduled': '待发布',
  'annadm.schedule': '定时发布',
  'annadm.reschedule': '修改发布时间',
  'annadm.publishNow': '立即发布',
  'annadm.scheduleAt': '发布时间',
  'annadm.scheduleOk': '确定',
  'annadm.scheduleHint':
    '到达发布时间后，公告自动显示在首页公告列表中；在此之前可修改发布时间、立即发布或撤回。',
  'annadm.schedulePast': '请选择晚于当前时间的发布时间',
  'annadm.scheduled': '公告将于 {time} 发布',
  'annadm.scheduledOn': '定时发布：{time}',
} as const;
