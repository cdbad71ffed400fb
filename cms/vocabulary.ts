/**
 * The fixed lists of the domain, with their Chinese and English labels. Collections, the seed,
 * the site's filters and its labels all take them from here.
 */
type Label = { zh: string; en: string }
type Vocabulary<T extends string> = ReadonlyArray<{ value: T; label: Label }>

function vocabulary<const T extends string>(entries: Record<T, Label>): Vocabulary<T> {
  return Object.entries<Label>(entries).map(([value, label]) => ({ value: value as T, label }))
}

export const SERVICE_CATEGORIES = vocabulary({
  'elderly-care': { zh: '养老服务', en: 'Elderly care' },
  health: { zh: '健康', en: 'Health' },
  culture: { zh: '文化', en: 'Culture' },
  sport: { zh: '体育健身', en: 'Sport' },
  education: { zh: '教育学习', en: 'Education' },
  'children-family': { zh: '儿童与家庭', en: 'Children & family' },
  'legal-aid': { zh: '法律援助', en: 'Legal aid' },
  volunteering: { zh: '志愿服务', en: 'Volunteering' },
})

export const EVENT_CATEGORIES = [
  ...SERVICE_CATEGORIES,
  ...vocabulary({
    festival: { zh: '睦邻节庆', en: 'Festival' },
    talk: { zh: '讲座', en: 'Talk' },
  }),
]

export const AUDIENCES = vocabulary({
  elders: { zh: '老年人', en: 'Elders' },
  adults: { zh: '成年人', en: 'Adults' },
  youth: { zh: '青少年', en: 'Youth' },
  children: { zh: '儿童', en: 'Children' },
  families: { zh: '家庭', en: 'Families' },
})

export const DISTRICTS = vocabulary({
  yangpu: { zh: '杨浦区', en: 'Yangpu District' },
  minhang: { zh: '闵行区', en: 'Minhang District' },
})

export const WEEKDAYS = vocabulary({
  mon: { zh: '星期一', en: 'Monday' },
  tue: { zh: '星期二', en: 'Tuesday' },
  wed: { zh: '星期三', en: 'Wednesday' },
  thu: { zh: '星期四', en: 'Thursday' },
  fri: { zh: '星期五', en: 'Friday' },
  sat: { zh: '星期六', en: 'Saturday' },
  sun: { zh: '星期日', en: 'Sunday' },
})

export const CONVENTION_TYPES = vocabulary({
  residents: { zh: '居民公约', en: "Residents' convention" },
  household: { zh: '住户守则', en: 'Household code' },
  building: { zh: '楼组公约', en: 'Building pact' },
  'public-order': { zh: '公序民约', en: 'Public-order pact' },
  owners: { zh: '业主规约', en: "Owners' covenant" },
})

export const CONVENTION_SCOPES = vocabulary({
  neighbourhood: { zh: '居民区', en: 'Neighbourhood' },
  building: { zh: '楼栋', en: 'Building' },
})

export const CONVENTION_TOPICS = vocabulary({
  dogs: { zh: '文明养犬', en: 'Dogs' },
  parking: { zh: '停车', en: 'Parking' },
  'waste-sorting': { zh: '垃圾分类', en: 'Waste sorting' },
  noise: { zh: '噪音', en: 'Noise' },
  renovation: { zh: '装修', en: 'Renovation' },
  'maintenance-fund': { zh: '维修基金', en: 'Maintenance fund' },
  'shared-space': { zh: '公共空间', en: 'Shared space' },
  'stairwell-clutter': { zh: '楼道堆物', en: 'Stairwell clutter' },
  greening: { zh: '绿化', en: 'Greening' },
  'elderly-care': { zh: '关爱老人', en: 'Caring for elders' },
  safety: { zh: '安全', en: 'Safety' },
  neighbourliness: { zh: '邻里和睦', en: 'Neighbourliness' },
})

export const CONVENTION_STATUSES = vocabulary({
  draft: { zh: '草案', en: 'Draft' },
  consultation: { zh: '征求意见中', en: 'In consultation' },
  adopted: { zh: '已通过', en: 'Adopted' },
  revised: { zh: '已修订', en: 'Revised' },
  retired: { zh: '已废止', en: 'Retired' },
})

export const MEETING_KINDS = vocabulary({
  consultation: { zh: '协商会', en: 'Consultation meeting' },
  hearing: { zh: '听证会', en: 'Hearing' },
  vote: { zh: '表决', en: 'Vote' },
})

export const PROJECT_KINDS = vocabulary({
  'self-governance': { zh: '自治项目（一居一品）', en: 'Self-governance project' },
  'public-benefit': { zh: '公益项目', en: 'Public-benefit project' },
  'community-foundation': { zh: '社区基金会项目', en: 'Community-foundation project' },
})

export const PROJECT_STATUSES = vocabulary({
  open: { zh: '待认领', en: 'Open for claiming' },
  claimed: { zh: '已认领', en: 'Claimed' },
  'in-progress': { zh: '进行中', en: 'In progress' },
  completed: { zh: '已完成', en: 'Completed' },
})

export const EVENT_STATUSES = vocabulary({
  scheduled: { zh: '正常举行', en: 'Scheduled' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
})

export const REGISTRATION_STATUSES = vocabulary({
  confirmed: { zh: '已确认', en: 'Confirmed' },
  waiting: { zh: '候补中', en: 'On the waiting list' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
  attended: { zh: '已签到', en: 'Attended' },
})

export const REGISTRATION_CHANNELS = vocabulary({
  online: { zh: '网上报名', en: 'Online' },
  staff: { zh: '工作人员代报', en: 'By staff' },
  family: { zh: '家属代报', en: 'By family' },
})

export const VOLUNTEER_STATUSES = vocabulary({
  active: { zh: '已报名', en: 'Signed up' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
})

export const CLAIM_STATUSES = vocabulary({
  offered: { zh: '待审核', en: 'Offered' },
  accepted: { zh: '已接受', en: 'Accepted' },
  declined: { zh: '已婉拒', en: 'Declined' },
})

export const VISIT_STATUSES = vocabulary({
  pending: { zh: '待处理', en: 'Pending' },
  approved: { zh: '已同意', en: 'Approved' },
  declined: { zh: '已婉拒', en: 'Declined' },
  scheduled: { zh: '已排期', en: 'Scheduled' },
})

/** Options for a Payload select field. */
export function options<T extends string>(list: Vocabulary<T>) {
  return list.map(({ value, label }) => ({ value, label }))
}

export function labelOf<T extends string>(list: Vocabulary<T>, value: T, locale: 'zh' | 'en' = 'zh'): string {
  return list.find((entry) => entry.value === value)?.label[locale] ?? value
}

export const MESSAGE_STATUSES = vocabulary({
  pending: { zh: '待发送', en: 'Waiting to send' },
  sending: { zh: '发送中', en: 'Sending' },
  sent: { zh: '已发送', en: 'Sent' },
  failed: { zh: '发送失败', en: 'Failed' },
  skipped: { zh: '未发送', en: 'Not sent' },
})
