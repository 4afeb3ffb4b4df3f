// Leaders' cockpit charts (ECharts, served locally). The data comes from the JSON block the page renders; every chart
// has a table beside it, so nothing depends on the charts alone.
(function () {
    var source = document.getElementById('cockpit-data');
    if (!source || typeof echarts === 'undefined') { return; }
    var data = JSON.parse(source.textContent);
    var charts = [];
    var palette = ['#0d6efd', '#d63384', '#198754', '#fd7e14'];
    var font = { fontFamily: '"Noto Sans CJK SC", "Microsoft YaHei", sans-serif' };

    function make(id, option) {
        var element = document.getElementById(id);
        if (!element) { return; }
        var chart = echarts.init(element, null, { renderer: 'canvas' });
        option.textStyle = font;
        option.color = palette;
        option.animation = false;
        chart.setOption(option);
        charts.push(chart);
    }

    make('chart-monthly', {
        tooltip: { trigger: 'axis' },
        legend: { data: ['技术合同成交额', '吸纳成交额'], top: 0 },
        grid: { left: 60, right: 16, top: 36, bottom: 56 },
        xAxis: { type: 'category', data: data.months },
        yAxis: { type: 'value', name: '万元' },
        dataZoom: [{ type: 'slider', height: 18, bottom: 8 }],
        series: [
            { name: '技术合同成交额', type: 'line', smooth: true, showSymbol: false, data: data.amount },
            { name: '吸纳成交额', type: 'line', smooth: true, showSymbol: false, lineStyle: { type: 'dashed', width: 2 }, data: data.absorbed }
        ]
    });

    data.indicators.forEach(function (indicator) {
        make('chart-year-' + indicator.key, {
            title: { text: indicator.name + '（' + indicator.unit + '）', left: 'center', textStyle: { fontSize: 14 } },
            tooltip: { trigger: 'axis' },
            legend: { data: ['实际', '目标'], bottom: 0 },
            grid: { left: 60, right: 16, top: 40, bottom: 40 },
            xAxis: { type: 'category', data: indicator.years },
            yAxis: { type: 'value' },
            series: [
                { name: '实际', type: 'bar', data: indicator.actual, barMaxWidth: 36 },
                { name: '目标', type: 'line', data: indicator.target, connectNulls: true }
            ]
        });
    });

    if (data.ranking.length > 0) {
        var ranked = data.ranking.slice().reverse();
        make('chart-ranking', {
            tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
            grid: { left: 90, right: 24, top: 8, bottom: 24 },
            xAxis: { type: 'value', name: '万元' },
            yAxis: { type: 'category', data: ranked.map(function (r) { return r.name; }) },
            series: [{ name: '吸纳成交额', type: 'bar', data: ranked.map(function (r) { return r.value; }), barMaxWidth: 22 }]
        });
    }

    window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
})();
