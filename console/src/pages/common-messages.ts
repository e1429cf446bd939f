/**
 * Words every secondary page uses (columns, buttons, states), in English and Simplified Chinese.
 * `zhCN` is typed by the English keys: a key missing from either language does not compile.
 */

const en = {
  'common.customer': 'Customer',
  'common.order': 'Order',
  'common.status': 'Status',
  'common.sku': 'SKU',
  'common.quantity': 'Quantity',
  'common.amount': 'Amount',
  'common.total': 'Total',
  'common.currency': 'Currency',
  'common.warehouse': 'Warehouse',
  'common.date': 'Date',
  'common.at': 'When',
  'common.by': 'By',
  'common.what': 'What',
  'common.note': 'Note',
  'common.reason': 'Reason',
  'common.created': 'Created',
  'common.updated': 'Updated',
  'common.loadMore': 'Load more',
  'common.refresh': 'Refresh',
  'common.show': 'Show',
  'common.save': 'Save',
  'common.none': 'None',
  'common.yes': 'Yes',
  'common.no': 'No',
  'common.overdue': 'Overdue',
  'common.level': 'Level {level}',
  'common.saved': 'Saved.',
  'common.timeline': 'Timeline',
  'common.liveUpdated': 'Updated from the live feed.',
  'common.optional': 'optional',
} as const;

const zhCN: Record<keyof typeof en, string> = {
  'common.customer': '客户',
  'common.order': '订单',
  'common.status': '状态',
  'common.sku': '货号',
  'common.quantity': '数量',
  'common.amount': '金额',
  'common.total': '合计',
  'common.currency': '币种',
  'common.warehouse': '仓库',
  'common.date': '日期',
  'common.at': '时间',
  'common.by': '操作人',
  'common.what': '内容',
  'common.note': '备注',
  'common.reason': '原因',
  'common.created': '创建时间',
  'common.updated': '更新时间',
  'common.loadMore': '加载更多',
  'common.refresh': '刷新',
  'common.show': '显示',
  'common.save': '保存',
  'common.none': '无',
  'common.yes': '是',
  'common.no': '否',
  'common.overdue': '已逾期',
  'common.level': '第 {level} 级',
  'common.saved': '已保存。',
  'common.timeline': '时间线',
  'common.liveUpdated': '已根据实时动态更新。',
  'common.optional': '选填',
};

export const commonMessages = { en, 'zh-CN': zhCN };

/** A page's catalog with the common words: both languages, the same keys. */
export function withCommon<K extends string>(messages: {
  en: Record<K, string>;
  'zh-CN': Record<K, string>;
}) {
  return {
    en: { ...commonMessages.en, ...messages.en } as Record<string, string>,
    'zh-CN': { ...commonMessages['zh-CN'], ...messages['zh-CN'] } as Record<string, string>,
  };
}
