#!/usr/bin/env python3
"""Derives the parameters of VasCalc's two-part MESA CAC percentile model.

Model (per sex x race group g, age in years):
  P(CAC > 0)            = logistic(L_g + k_sex * (age - 60))
  ln CAC | CAC > 0      ~ Normal(M_g + m * (age - 60), S_g^2)
  percentile(s > 0)     = floor(100 * [(1 - P) + P * Phi((ln s - mu) / S)])

Inputs are ONLY the spot values of the MESA calculator listed in
/work/shared/clinical/reference.md section 2.b ("More spot values" table and the two prose
examples: white men 55 -> P 56 %, white women 45 -> P 7 %). The five "official MESA audited
examples" of that note are deliberately NOT used here: they are the independent check.

Groups absent from the spot table take the average of their neighbours in the ordering that
McClelland 2006 (abstract) describes: Black and Chinese women intermediate between white and
Hispanic women; Hispanic men second highest, i.e. between white and Chinese men.
Prints the CSV rows of mesa-cac-percentile-model.csv.
"""
import math
import numpy as np
from scipy.stats import norm

spot = {  # group: (P, {q: score}, {score: percentile})
    "WHITE_MALE":      (0.68, {0.25: 0, 0.50: 28, 0.75: 155, 0.90: 452}, {1: 31, 10: 39, 100: 68, 400: 88}),
    "WHITE_FEMALE":    (0.36, {0.25: 0, 0.50: 0, 0.75: 16, 0.90: 102},  {1: 64, 10: 71, 100: 89, 400: 97}),
    "BLACK_MALE":      (0.46, {0.25: 0, 0.50: 0, 0.75: 40, 0.90: 173},  {1: 54, 10: 62, 100: 84, 400: 96}),
    "CHINESE_MALE":    (0.54, {0.25: 0, 0.50: 5, 0.75: 67, 0.90: 242},  {1: 45, 10: 54, 100: 79, 400: 94}),
    "HISPANIC_FEMALE": (0.27, {0.25: 0, 0.50: 0, 0.75: 2, 0.90: 50},    {1: 73, 10: 80, 100: 94, 400: 99}),
}
white_male_84 = (0.99, {0.25: 157, 0.50: 542, 0.75: 1634, 0.90: 3848})

def logit(p):
    return math.log(p / (1 - p))

def points(p, quantiles, pcts):
    z, y = [], []
    for q, s in quantiles.items():
        f = (q - (1 - p)) / p
        if s > 0 and 0.02 < f < 0.98:
            z.append(norm.ppf(f)); y.append(math.log(s))
    for s, pct in pcts.items():
        f = ((pct + 0.5) / 100 - (1 - p)) / p   # the calculator floors; take the bin's middle
        if 0.02 < f < 0.98:
            z.append(norm.ppf(f)); y.append(math.log(s))
    return np.array(z), np.array(y)

params = {}
for g, (p, qs, ps) in spot.items():
    z, y = points(p, qs, ps)
    sigma, mu = np.polyfit(z, y, 1)         # ln s = mu + sigma * z
    params[g] = [logit(p), mu, sigma]

# age slopes: logit P for men from white men 55/60/84, for women from white women 45/60
ages_m = np.array([55, 60, 84]); lp_m = np.array([logit(0.56), logit(0.68), logit(0.99)])
k_male = np.polyfit(ages_m - 60, lp_m - logit(0.68), 1)[0]
k_female = (logit(0.36) - logit(0.07)) / 15
p84, q84 = white_male_84
z84, y84 = points(p84, q84, {})
mu84 = np.polyfit(z84, y84, 1)[1]
m_slope = (mu84 - params["WHITE_MALE"][1]) / 24

avg = lambda a, b: [(x + y) / 2 for x, y in zip(params[a], params[b])]
params["BLACK_FEMALE"] = avg("WHITE_FEMALE", "HISPANIC_FEMALE")
params["CHINESE_FEMALE"] = avg("WHITE_FEMALE", "HISPANIC_FEMALE")
params["HISPANIC_MALE"] = avg("WHITE_MALE", "CHINESE_MALE")

print(f"# k_male={k_male:.5f} k_female={k_female:.5f} m={m_slope:.5f}")
print("group,logitP60,logitSlopePerYear,lnCacMedian60,lnCacSlopePerYear,lnCacSd,basis")
for g in sorted(params):
    L, M, S = params[g]
    k = k_male if g.endswith("_MALE") and not g.endswith("FEMALE") else k_female
    basis = "spot values age 60" if g in spot else "average of neighbours (McClelland 2006 ordering)"
    print(f"{g},{L:.4f},{k:.5f},{M:.4f},{m_slope:.5f},{S:.4f},{basis}")
