import json, sys
# merge.py OUT CACHE IN... : one JMH JSON with the given cache's result, forks of every round appended
out, cache, ins = sys.argv[1], sys.argv[2], sys.argv[3:]
merged = None
for f in ins:
    for r in json.load(open(f)):
        if r['params']['cache'] != cache: continue
        if merged is None:
            merged = r
        else:
            merged['primaryMetric']['rawData'] += r['primaryMetric']['rawData']
            for k, v in r.get('secondaryMetrics', {}).items():
                merged['secondaryMetrics'][k]['rawData'] += v['rawData']
json.dump([merged], open(out, 'w'), indent=1)
