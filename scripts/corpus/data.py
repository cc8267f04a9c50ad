"""Shared channel-report data for the corpus generators (not run in CI)."""
import datetime as dt

EN = ["Date", "Channel", "ROI", "Complaint rate", "Repurchase rate", "LTV/CAC", "Traffic"]
ZH = ["日期", "渠道", "投入产出比", "投诉率", "复购率", "LTV/CAC", "流量"]
CHANNELS_EN = ["Search", "Social"]
CHANNELS_ZH = ["搜索", "信息流"]


def rows(zh=False, days=21, start=dt.date(2026, 3, 2)):
    """Daily rows: Social has ROI < 1.5 on days 5-8 (yellow), a complaint rate of 1.6% on day 10 (orange) and
    traffic down 45% on day 15 (orange); Search is healthy."""
    out = []
    chans = CHANNELS_ZH if zh else CHANNELS_EN
    for d in range(days):
        date = start + dt.timedelta(days=d)
        for ci, ch in enumerate(chans):
            roi = 2.4 + 0.05 * (d % 3)
            comp = 0.004 + 0.0005 * (d % 2)
            rep = 0.30 + 0.002 * (d % 4)
            ltv = 2.8 + 0.1 * (d % 2)
            traffic = 12000 + 100 * (d % 5) + 3000 * ci
            if ci == 1 and 4 <= d <= 7:
                roi = 1.2
            if ci == 1 and d == 9:
                comp = 0.016
            if ci == 1 and d == 14:
                traffic = int(traffic * 0.55)
            out.append([date, ch, round(roi, 2), round(comp, 4), round(rep, 3), round(ltv, 2), traffic])
    return out


def other_rows():
    """A sheet that is not a channel report (the CLI must refuse it cleanly)."""
    return [["Item", "Qty", "Price"], ["Pencil", 12, 0.5], ["Notebook", 3, 2.25], ["Stapler", 1, 7.9]]
