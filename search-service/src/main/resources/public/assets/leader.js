'use strict';

// The leader dashboard: counts over a chosen period, drawn with ECharts (served from this server),
// the departments' open, overdue and answered cases and their residents' ratings now, and the largest issues.
document.addEventListener('DOMContentLoaded', () => {
  if (!LN.requireRole('LEADER')) return;
  const $ = id => document.getElementById(id);
  const charts = {};
  let last = null;


  function chart(id) {
    if (!charts[id]) charts[id] = echarts.init($(id), null, { renderer: 'canvas' });
    return charts[id];
  }

  function bar(id, counts, name) {
    const labels = counts.map(name);
    chart(id).setOption({
      grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { width: 140, overflow: 'truncate' } },
      series: [{ type: 'bar', data: counts.map(c => c.count), itemStyle: { color: '#b3261e' } }]
    }, true);
  }

  function pie(id, counts, name) {
    chart(id).setOption({
      tooltip: { trigger: 'item' },
      series: [{ type: 'pie', radius: ['35%', '65%'], data: counts.map(c => ({ name: name(c), value: c.count })) }]
    }, true);
  }

  function draw(trends) {
    $('dash-total').textContent = trends.total + ' ' + LN.t('dash.total') + ' ('
      + LN.dateTime(trends.from) + ' – ' + LN.dateTime(trends.to) + ')';
    chart('chart-day').setOption({
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: trends.perDay.map(d => d.day) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'line', smooth: true, areaStyle: {}, data: trends.perDay.map(d => d.count), itemStyle: { color: '#b3261e' } }]
    }, true);
    bar('chart-category', trends.byCategory, LN.named);
    bar('chart-area', trends.byArea, LN.named);
    pie('chart-channel', trends.byChannel, c => LN.label(LN.CHANNEL, c.code));
    pie('chart-status', trends.byStatus, c => LN.label(LN.STATUS, c.code));
  }

  function table(performance) {
    const body = $('departments').querySelector('tbody');
    body.replaceChildren();
    performance.departments.forEach(row => {
      const tr = LN.element('tr');
      tr.appendChild(LN.element('td', null, LN.named(row.department)));
      tr.appendChild(LN.element('td', 'number', String(row.open)));
      tr.appendChild(LN.element('td', 'number' + (row.overdue > 0 ? ' late' : ''), String(row.overdue)));
      tr.appendChild(LN.element('td', 'number', String(row.answered)));
      tr.appendChild(LN.element('td', 'number', row.onTimeRate == null ? '–' : Math.round(row.onTimeRate * 100) + ' %'));
      tr.appendChild(LN.element('td', 'number', span(row.medianMinutesToAcknowledge)));
      tr.appendChild(LN.element('td', 'number', span(row.medianMinutesToResolve)));
      tr.appendChild(LN.element('td', 'number', String(row.ratings || 0)));
      tr.appendChild(LN.element('td', 'number', row.meanStars == null ? '–' : row.meanStars.toFixed(1) + ' ★'));
      tr.appendChild(LN.element('td', 'number', row.fixedShare == null ? '–' : Math.round(row.fixedShare * 100) + ' %'));
      body.appendChild(tr);
    });
  }

  function clusters(sizes) {
    const body = $('clusters').querySelector('tbody');
    body.replaceChildren();
    if (!sizes.clusters.length) {
      const tr = LN.element('tr');
      const td = LN.element('td', 'muted', LN.t('dash.noClusters'));
      td.colSpan = 7;
      tr.appendChild(td);
      body.appendChild(tr);
    }
    sizes.clusters.forEach(c => {
      const tr = LN.element('tr');
      tr.dataset.clusterId = c.clusterId;
      tr.appendChild(LN.element('td', null, c.clusterId));
      tr.appendChild(LN.element('td', null, LN.named(c.area)));
      tr.appendChild(LN.element('td', null, LN.named(c.category)));
      tr.appendChild(LN.element('td', null, LN.named(c.department)));
      tr.appendChild(LN.element('td', 'number', String(c.openReports)));
      // the issue's risk now when the early warning has scored it; else the highest its reports joined with
      const now = c.issue && c.issue.risk;
      tr.appendChild(LN.element('td', 'number', now ? LN.label(LN.RISK_LEVEL, now.level) + ' ' + now.score
        : c.maxRiskScore == null ? '–' : String(c.maxRiskScore)));
      tr.appendChild(LN.element('td', null, LN.dateTime(c.lastReportedAt)));
      body.appendChild(tr);
    });
  }

  // Minutes as a person reads them: "45 phút", "5 giờ", "3 ngày".
  function span(minutes) {
    if (minutes == null) return '–';
    if (minutes < 60) return Math.round(minutes) + ' ' + LN.t('dash.minutes');
    if (minutes < 48 * 60) return Math.round(minutes / 60) + ' ' + LN.t('dash.hours');
    return Math.round(minutes / 1440) + ' ' + LN.t('dash.days');
  }

  function emerging(answer) {
    const list = $('emerging');
    list.replaceChildren();
    const words = answer.words || [];
    if (!words.length) list.appendChild(LN.element('li', 'muted', LN.t('dash.noWords')));
    words.forEach(w => {
      list.appendChild(LN.element('li', null, w.word + ' (' + w.count + ' ' + LN.t('dash.petitions') + ')'));
    });
  }

  function alerts(page) {
    const list = $('alerts');
    list.replaceChildren();
    if (!page.items.length) list.appendChild(LN.element('li', 'muted', LN.t('dash.noAlerts')));
    page.items.forEach(alert => {
      const li = LN.element('li', 'card');
      li.dataset.alertId = alert.alertId;
      const meta = LN.element('div', 'meta');
      meta.appendChild(LN.element('span', 'deadline' + (alert.acknowledged ? '' : ' overdue'), alert.level));
      meta.appendChild(LN.element('span', null, LN.t('dash.risk') + ' ' + alert.riskScore));
      meta.appendChild(LN.element('span', null, alert.subject));
      meta.appendChild(LN.element('span', null, [alert.area, alert.department].filter(Boolean).join(' · ')));
      meta.appendChild(LN.element('span', null, LN.dateTime(alert.raisedAt)));
      li.appendChild(meta);
      (alert.reasons || []).forEach(r => li.appendChild(LN.element('p', 'snippet', r.description)));
      if (alert.acknowledged) {
        li.appendChild(LN.element('p', 'muted', LN.t('dash.acked') + ' ' + alert.acknowledgedBy));
      } else {
        const ack = LN.element('button', null, LN.t('dash.ack'));
        ack.type = 'button';
        ack.addEventListener('click', async () => {
          ack.disabled = true;
          try {
            await LN.api('/api/alerts/' + encodeURIComponent(alert.alertId) + '/ack', { method: 'POST' });
            loadAlerts();
          } catch (error) {
            $('dash-error').textContent = LN.problemText(error);
            ack.disabled = false;
          }
        });
        li.appendChild(ack);
      }
      list.appendChild(li);
    });
  }

  async function loadAlerts() {
    try {
      last.alerts = await LN.api('/api/alerts');
      alerts(last.alerts);
    } catch (error) {
      $('dash-error').textContent = LN.problemText(error);
    }
  }

  function period() {
    const params = new URLSearchParams();
    if ($('from').value) params.set('from', $('from').value);
    if ($('to').value) params.set('to', $('to').value);
    return params;
  }

  async function exportAs(format) {
    const params = period();
    params.set('format', format);
    try {
      await LN.download('/api/export?' + params);
    } catch (error) {
      $('dash-error').textContent = LN.problemText(error);
    }
  }

  async function load() {
    $('dash-error').textContent = '';
    const params = period();
    try {
      const [trends, performance, words, sizes] = await Promise.all([
        LN.api('/api/trends?' + params), LN.api('/api/departments/performance?' + params), LN.api('/api/trends/emerging'),
        LN.api('/api/clusters')]);
      last = { trends, performance, words, sizes, alerts: last && last.alerts };
      draw(trends);
      table(performance);
      clusters(sizes);
      emerging(words);
      loadAlerts();
    } catch (error) {
      console.error(error);
      $('dash-error').textContent = LN.problemText(error);
    }
  }

  $('period').addEventListener('submit', e => { e.preventDefault(); load(); });
  $('export-xlsx').addEventListener('click', () => exportAs('xlsx'));
  $('export-csv').addEventListener('click', () => exportAs('csv'));
  $('meeting-report').addEventListener('submit', async e => {
    e.preventDefault();
    const batch = $('meeting-batch').value.trim();
    if (!batch) return;
    try {
      await LN.download('/api/export/batch/' + encodeURIComponent(batch) + '?format=xlsx');
    } catch (error) {
      $('dash-error').textContent = LN.problemText(error);
    }
  });
  window.addEventListener('resize', () => Object.values(charts).forEach(c => c.resize()));
  LN.onLanguage(() => {
    if (last) { draw(last.trends); table(last.performance); clusters(last.sizes); emerging(last.words); if (last.alerts) alerts(last.alerts); }
  });
  load();
});
