# merge.py V: V.json = every result of ab-V-*.json, one entry per benchmark and params, later rounds' forks appended
import json, sys, glob
v = sys.argv[1]
merged = {}
for f in sorted(glob.glob(f'ab-{v}-*.json')):
    for r in json.load(open(f)):
        k = (r['benchmark'], json.dumps(r['params'], sort_keys=True))
        if k not in merged:
            merged[k] = r
        else:
            merged[k]['primaryMetric']['rawData'] += r['primaryMetric']['rawData']
            for s, m in r['secondaryMetrics'].items():
                merged[k]['secondaryMetrics'][s]['rawData'] += m['rawData']
json.dump(list(merged.values()), open(f'{v}.json', 'w'), indent=1)
