// Every word the dashboard shows, in English and Simplified Chinese; the API tells reasons and warnings itself.
export const texts = {
  en: {
    title: 'Customer tiers', period: 'Period', group: 'Group', allGroups: 'All', signOut: 'Forget key',
    keyTitle: 'Function key', keyHelp: 'The dashboard reads the portal API with a function key. It is kept for this browser session only.',
    keySubmit: 'Open', keyRefused: 'The key was refused.', noPeriod: 'No period has been graded yet.',
    customers: 'Customers', revenue: 'Net revenue', top20: 'Revenue of the top 20%', risingStars: 'Rising stars',
    pyramid: 'Tier pyramid', pareto: 'Pareto curve', flow: 'Movements since the period before', heatmap: 'R × FM',
    tierKpis: 'Tiers', tier: 'Tier', revenueShare: 'Revenue share', meanRevenue: 'Mean revenue', medianRevenue: 'Median revenue',
    retention: 'Retention', churn: 'Churn', warnings: 'Separation warnings', risingStarList: 'Rising stars',
    withoutOwner: 'Top-tier customers without an owner', none: 'None.', newCustomers: 'new',
    customerShare: 'Share of customers', cumulativeRevenue: 'Share of revenue', equality: 'Equal spend',
    recency: 'Recency (R)', frequencyMonetary: 'Frequency and monetary (FM)', ofRevenue: 'of revenue',
  },
  zh: {
    title: '客户分级', period: '期间', group: '分组', allGroups: '全部', signOut: '清除密钥',
    keyTitle: '函数密钥', keyHelp: '仪表板使用函数密钥读取门户 API，密钥仅保存在本次浏览器会话中。',
    keySubmit: '打开', keyRefused: '密钥被拒绝。', noPeriod: '尚无已评级的期间。',
    customers: '客户数', revenue: '净收入', top20: '前 20% 客户的收入占比', risingStars: '升级候选',
    pyramid: '等级金字塔', pareto: '帕累托曲线', flow: '与上一期相比的等级变动', heatmap: 'R × FM',
    tierKpis: '各等级', tier: '等级', revenueShare: '收入占比', meanRevenue: '平均收入', medianRevenue: '收入中位数',
    retention: '留存率', churn: '流失率', warnings: '等级区分度警告', risingStarList: '升级候选',
    withoutOwner: '无负责人的高等级客户', none: '无。', newCustomers: '新客户',
    customerShare: '客户占比', cumulativeRevenue: '收入占比', equality: '平均分布',
    recency: '最近购买 (R)', frequencyMonetary: '频率与金额 (FM)', ofRevenue: '的收入',
  },
};
