import type { GlobalConfig } from 'payload'

import { anyone, districtAdminOnly, districtMenuOnly } from '../access'

/** Site-wide settings the district edits: headline figures, navigation, footer, alert banner. */
export const Site: GlobalConfig = {
  slug: 'site',
  label: { zh: '网站设置', en: 'Site settings' },
  admin: { group: { zh: '系统', en: 'System' }, hidden: districtMenuOnly },
  access: { read: anyone, update: districtAdminOnly },
  fields: [
    {
      name: 'headlineFigures',
      type: 'array',
      label: { zh: '首页数据', en: 'Headline figures' },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'label',
              type: 'text',
              required: true,
              localized: true,
              label: { zh: '名称', en: 'Label' },
            },
            {
              name: 'value',
              type: 'text',
              required: true,
              label: { zh: '数值', en: 'Value' },
              admin: { description: { zh: '例如 60 或 320+', en: 'e.g. 60 or 320+' } },
            },
            { name: 'unit', type: 'text', localized: true, label: { zh: '单位', en: 'Unit' } },
          ],
        },
        { name: 'note', type: 'text', localized: true, label: { zh: '说明', en: 'Note' } },
        {
          // These figures are quoted, not counted by the portal: the home page says where each comes from.
          name: 'source',
          type: 'text',
          localized: true,
          label: { zh: '出处', en: 'Source' },
          admin: {
            description: {
              zh: '引自哪份报告或文件，例如“杨浦区睦邻中心建设工作总结（2017）”。首页会注明“引自……”。',
              en: 'The report or document the figure is quoted from; the home page names it.',
            },
          },
        },
      ],
    },
    {
      name: 'navigation',
      type: 'array',
      label: { zh: '导航', en: 'Navigation' },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'label',
              type: 'text',
              required: true,
              localized: true,
              label: { zh: '文字', en: 'Label' },
            },
            { name: 'href', type: 'text', required: true, label: { zh: '链接', en: 'Link' } },
          ],
        },
      ],
    },
    {
      name: 'footer',
      type: 'group',
      label: { zh: '页脚联系方式', en: 'Footer contact' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'phone', type: 'text', label: { zh: '电话', en: 'Phone' } },
            { name: 'email', type: 'email', label: { zh: '邮箱', en: 'Email' } },
          ],
        },
        { name: 'address', type: 'text', localized: true, label: { zh: '地址', en: 'Address' } },
        { name: 'hours', type: 'text', localized: true, label: { zh: '办公时间', en: 'Office hours' } },
      ],
    },
    {
      name: 'alert',
      type: 'group',
      label: { zh: '提示横幅', en: 'Alert banner' },
      fields: [
        { name: 'enabled', type: 'checkbox', defaultValue: false, label: { zh: '显示', en: 'Show' } },
        {
          name: 'level',
          type: 'select',
          defaultValue: 'info',
          options: [
            { value: 'info', label: { zh: '通知', en: 'Notice' } },
            { value: 'warning', label: { zh: '重要', en: 'Important' } },
          ],
          label: { zh: '级别', en: 'Level' },
        },
        { name: 'message', type: 'text', localized: true, label: { zh: '内容', en: 'Message' } },
      ],
    },
  ],
}
