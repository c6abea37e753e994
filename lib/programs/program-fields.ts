/** The columns a program's form and detail page both show (the editable settings). */
export const programFieldsSelect = {
  id: true,
  name: true,
  description: true,
  websiteUrl: true,
  commissionType: true,
  commissionValue: true,
  cookieDays: true,
  status: true,
} as const;
