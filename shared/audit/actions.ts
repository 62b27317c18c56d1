import type { LocalizedText } from '../schema/common';

/**
 * What each audit-log action is called, in both languages: the dashboard's log and its CSV export
 * name actions by these words, never by their keys.
 */
export const AUDIT_ACTIONS: Readonly<Record<string, LocalizedText>> = {
  'district.change': { vi: 'Sửa thông tin đơn vị', en: 'Changed the unit' },
  'ward.create': { vi: 'Thêm phường', en: 'Added a ward' },
  'ward.change': { vi: 'Sửa phường', en: 'Changed a ward' },
  'ward.retire': { vi: 'Ngừng hoạt động phường', en: 'Retired a ward' },
  'ward.template': { vi: 'Đổi mẫu khảo sát của phường', en: "Changed a ward's survey template" },
  'ward.attribution': { vi: 'Đổi cách ghi nhận công chức', en: 'Changed how officials are recorded' },
  'counter.create': { vi: 'Thêm quầy', en: 'Added a counter' },
  'counter.change': { vi: 'Sửa quầy', en: 'Changed a counter' },
  'counter.retire': { vi: 'Ngừng hoạt động quầy', en: 'Retired a counter' },
  'official.create': { vi: 'Thêm công chức', en: 'Added an official' },
  'official.change': { vi: 'Sửa công chức', en: 'Changed an official' },
  'official.move': { vi: 'Chuyển công chức sang phường khác', en: 'Moved an official to another ward' },
  'official.pin': { vi: 'Đặt mã PIN hoặc ảnh công chức', en: "Set an official's PIN or photo" },
  'account.create': { vi: 'Tạo tài khoản', en: 'Created an account' },
  'account.disable': { vi: 'Khoá tài khoản', en: 'Disabled an account' },
  'account.enable': { vi: 'Mở khoá tài khoản', en: 'Enabled an account' },
  'account.reset-password': { vi: 'Đặt lại mật khẩu', en: 'Reset a password' },
  'account.change-password': { vi: 'Tự đổi mật khẩu', en: 'Changed own password' },
  'account.end-session': { vi: 'Kết thúc phiên đăng nhập', en: 'Ended a session' },
  'kiosk.enrolment-code': { vi: 'Tạo mã đăng ký ki-ốt', en: 'Made a kiosk enrolment code' },
  'kiosk.reenrolment-code': { vi: 'Tạo mã đăng ký lại ki-ốt', en: 'Made a kiosk re-enrolment code' },
  'kiosk.revoke': { vi: 'Thu hồi ki-ốt', en: 'Revoked a kiosk' },
  'kiosk.import': { vi: 'Nhập tệp đánh giá từ USB', en: "Imported a kiosk's USB file" },
  'kiosk.gap-note': { vi: 'Ghi chú khoảng thiếu số liệu', en: "Noted a gap in a kiosk's count" },
  'template.save': { vi: 'Lưu mẫu khảo sát', en: 'Saved a survey template' },
  'alert.acknowledge': { vi: 'Xử lý cảnh báo', en: 'Handled an alert' },
  'alert.settings': { vi: 'Đổi ngưỡng cảnh báo', en: 'Changed the alert thresholds' },
  'feedback.update': { vi: 'Xử lý góp ý', en: 'Handled feedback' },
  'dossier.decide': { vi: 'Quyết định hồ sơ trùng', en: 'Decided a repeated dossier' },
};

/** The action in words; an action this list does not know yet keeps its key. */
export const auditActionName = (action: string, locale: 'vi' | 'en') => AUDIT_ACTIONS[action]?.[locale] ?? action;
